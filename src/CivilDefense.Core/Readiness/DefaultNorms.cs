using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CivilDefense.Core.Readiness;

/// <summary>One row of the shipped default norm set (data/readiness/default-norms.csv).</summary>
public sealed record DefaultNorm(HazardProfile Profile, ReadinessComponent Component, string MetricKey, double Target, double Weight, string MeasureUnit, string Source);

/// <summary>One row of the demo hazard profiles (data/readiness/hazard-profiles-80.csv).</summary>
public sealed record DemoHazardProfileRow(string Code, HazardProfile Profile, int? ExposedResidents, string Basis);

/// <summary>
/// The default norms and demo hazard profiles shipped inside Core. The numbers are examples for a
/// province to replace (docs/readiness-norms.md); loading checks that every row names a known
/// metric of the right component, so a bad edit of the file fails the build's tests, not a user.
/// </summary>
public static class DefaultNorms
{
    public static IReadOnlyList<DefaultNorm> Load()
    {
        var rows = ReadCsv("readiness.default-norms.csv", r => new DefaultNorm(
            Enum.Parse<HazardProfile>(r.GetField("profile")!),
            Enum.Parse<ReadinessComponent>(r.GetField("component")!),
            r.GetField("metric_key")!,
            double.Parse(r.GetField("target")!, CultureInfo.InvariantCulture),
            double.Parse(r.GetField("weight")!, CultureInfo.InvariantCulture),
            r.GetField("unit")!,
            r.GetField("source")!));
        foreach (var row in rows)
        {
            if (ReadinessMetrics.Find(row.MetricKey) is not { } metric || metric.Component != row.Component)
            {
                throw new InvalidDataException($"Default norm {row.Profile}/{row.MetricKey}: unknown metric or wrong component.");
            }
        }

        return rows;
    }

    public static IReadOnlyList<DemoHazardProfileRow> LoadDemoProfiles() =>
        ReadCsv("readiness.hazard-profiles-80.csv", r => new DemoHazardProfileRow(
            r.GetField("code")!,
            Enum.Parse<HazardProfile>(r.GetField("profile")!),
            int.TryParse(r.GetField("exposed_residents"), CultureInfo.InvariantCulture, out var exposed) ? exposed : null,
            r.GetField("basis")!));

    private static List<T> ReadCsv<T>(string resource, Func<CsvReader, T> map)
    {
        using var stream = typeof(DefaultNorms).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded resource {resource}.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv));
        }

        return rows;
    }
}
