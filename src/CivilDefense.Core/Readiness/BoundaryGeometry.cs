using System.Text.Json;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// A unit boundary (GeoJSON Polygon or MultiPolygon, WGS84) as flat rings, with the even-odd
/// point-in-polygon test: enough to spread a population over a boundary without a geometry library.
/// </summary>
public sealed class BoundaryGeometry
{
    private readonly List<double[]> _rings; // each ring: lon0, lat0, lon1, lat1, …

    private BoundaryGeometry(List<double[]> rings)
    {
        _rings = rings;
        MinLon = rings.Min(r => EveryOther(r, 0).Min());
        MaxLon = rings.Max(r => EveryOther(r, 0).Max());
        MinLat = rings.Min(r => EveryOther(r, 1).Min());
        MaxLat = rings.Max(r => EveryOther(r, 1).Max());
    }

    public double MinLon { get; }

    public double MaxLon { get; }

    public double MinLat { get; }

    public double MaxLat { get; }

    /// <summary>Parses a geometry; null when the text is missing, not GeoJSON or not a polygon.</summary>
    public static BoundaryGeometry? TryParse(string? geoJson)
    {
        if (string.IsNullOrWhiteSpace(geoJson))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(geoJson);
            var root = doc.RootElement;
            if (root.TryGetProperty("geometry", out var geometry))
            {
                root = geometry;
            }

            var type = root.GetProperty("type").GetString();
            var coordinates = root.GetProperty("coordinates");
            var rings = new List<double[]>();
            if (type == "Polygon")
            {
                AddRings(coordinates, rings);
            }
            else if (type == "MultiPolygon")
            {
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    AddRings(polygon, rings);
                }
            }

            return rings.Count == 0 ? null : new BoundaryGeometry(rings);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Even-odd rule over every ring: holes and separate parts come out right.</summary>
    public bool Contains(double lon, double lat)
    {
        if (lon < MinLon || lon > MaxLon || lat < MinLat || lat > MaxLat)
        {
            return false;
        }

        var inside = false;
        foreach (var ring in _rings)
        {
            for (int i = 0, j = ring.Length - 2; i < ring.Length; j = i, i += 2)
            {
                double xi = ring[i], yi = ring[i + 1], xj = ring[j], yj = ring[j + 1];
                if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Every vertex, for neighbourhood tests.</summary>
    public IEnumerable<(double Lon, double Lat)> Vertices() =>
        _rings.SelectMany(r => Enumerable.Range(0, r.Length / 2).Select(i => (r[2 * i], r[(2 * i) + 1])));

    private static void AddRings(JsonElement polygon, List<double[]> rings)
    {
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = new List<double>();
            foreach (var position in ring.EnumerateArray())
            {
                points.Add(position[0].GetDouble());
                points.Add(position[1].GetDouble());
            }

            if (points.Count >= 6)
            {
                rings.Add([.. points]);
            }
        }
    }

    private static IEnumerable<double> EveryOther(double[] values, int start)
    {
        for (var i = start; i < values.Length; i += 2)
        {
            yield return values[i];
        }
    }
}
