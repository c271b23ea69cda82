using System.Globalization;
using System.Text;

namespace CivilDefense.Bench.Monitoring;

/// <summary>
/// Deterministic readings: every station reports water level and rainfall every 5 minutes for the
/// given days from a fixed start. Water follows a tide-like wave around 1.3 m (some stations cross
/// the BĐ3 of 2.0 m), rain comes in rare showers. The same (station, step) always gives the same value.
/// </summary>
internal static class ObservationGenerator
{
    public static readonly DateTime Start = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    public const int StepsPerDay = 288;

    public static double Water(int station, int step) =>
        Math.Round(1.3 + (0.4 + (station % 7) * 0.06) * Math.Sin((step + station * 13) * 2 * Math.PI / 149.0) + Noise(station, step, 1) * 0.05, 3);

    public static double Rain(int station, int step) =>
        Noise(station, step, 2) > 0.97 ? Math.Round((Noise(station, step, 3) + 1) * 4, 1) : 0;

    public static DateTime At(int step) => Start.AddMinutes(5 * step);

    /// <summary>The JSON body a station gateway would post for these stations over all steps.</summary>
    public static byte[] Json(IReadOnlyList<(int Index, string Code)> stations, int steps, int firstStep = 0)
    {
        var json = new StringBuilder(stations.Count * steps * 2 * 90).Append("{\"observations\":[");
        var first = true;
        foreach (var (index, code) in stations)
        {
            for (var step = firstStep; step < firstStep + steps; step++)
            {
                var at = At(step).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                json.Append(first ? "" : ",")
                    .Append("{\"station\":\"").Append(code).Append("\",\"time\":\"").Append(at).Append("\",\"variable\":\"WaterLevel\",\"value\":")
                    .Append(Water(index, step).ToString(CultureInfo.InvariantCulture)).Append('}')
                    .Append(",{\"station\":\"").Append(code).Append("\",\"time\":\"").Append(at).Append("\",\"variable\":\"Rainfall\",\"value\":")
                    .Append(Rain(index, step).ToString(CultureInfo.InvariantCulture)).Append('}');
                first = false;
            }
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }

    /// <summary>A reproducible value in [-1, 1] from its arguments (no shared Random, so order does not matter).</summary>
    private static double Noise(int station, int step, int salt)
    {
        var h = (uint)(station * 73856093) ^ (uint)(step * 19349663) ^ (uint)(salt * 83492791);
        h ^= h >> 13;
        h *= 0x5bd1e995;
        h ^= h >> 15;
        return h / (double)uint.MaxValue * 2 - 1;
    }
}
