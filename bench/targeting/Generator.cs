using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CivilDefense.Core.Alerts.Targeting;
using CivilDefense.Core.Readiness;

namespace CivilDefense.Bench.Targeting;

/// <summary>
/// One generated subscriber: its commune (index into the commune list) and home location. No
/// reference fields, so the 2,000,000 of them do not add to what the garbage collector scans while
/// the queries are timed.
/// </summary>
internal readonly record struct Resident(int Id, int CommuneIndex, double Lat, double Lon);

/// <summary>
/// Places subscribers in the demo province's 96 communes in proportion to their 2019 population
/// (largest remainder), uniformly inside each commune's boundary by rejection sampling. Each
/// commune has its own seeded generator, so the set is the same on every run and machine,
/// whatever the thread count.
/// </summary>
internal static class Generator
{
    public sealed record Commune(string Code, string Name, int Population, BoundaryGeometry Boundary);

    public static List<Commune> LoadCommunes(string demoDir)
    {
        var populations = File.ReadLines(Path.Combine(demoDir, "population2019_tayninh_2025.csv")).Skip(1)
            .Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => (Name: f[1], Population: int.Parse(f[3], CultureInfo.InvariantCulture)));
        using var gz = new GZipStream(File.OpenRead(Path.Combine(demoDir, "tay-ninh-communes.geojson.gz")), CompressionMode.Decompress);
        using var doc = JsonDocument.Parse(gz);
        var communes = new List<Commune>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("id").GetString()!;
            var boundary = BoundaryGeometry.TryParse(feature.GetProperty("geometry").GetRawText())
                ?? throw new InvalidDataException($"Commune {code} has no polygon boundary.");
            var (name, population) = populations[code];
            communes.Add(new Commune(code, name, population, boundary));
        }

        return [.. communes.OrderBy(c => c.Code, StringComparer.Ordinal)];
    }

    public static Resident[] Residents(List<Commune> communes, int total)
    {
        var sum = communes.Sum(c => (long)c.Population);
        var exact = communes.Select(c => (double)c.Population * total / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, communes.Count).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(total - counts.Sum()))
        {
            counts[i]++;
        }

        var offsets = new int[communes.Count];
        for (var i = 1; i < communes.Count; i++)
        {
            offsets[i] = offsets[i - 1] + counts[i - 1];
        }

        var residents = new Resident[total];
        Parallel.For(0, communes.Count, i =>
        {
            var commune = communes[i];
            var b = commune.Boundary;
            var random = new Random(int.Parse(commune.Code, CultureInfo.InvariantCulture));
            for (var n = 0; n < counts[i];)
            {
                var lon = b.MinLon + (random.NextDouble() * (b.MaxLon - b.MinLon));
                var lat = b.MinLat + (random.NextDouble() * (b.MaxLat - b.MinLat));
                if (b.Contains(lon, lat))
                {
                    residents[offsets[i] + n] = new Resident(offsets[i] + n + 1, i, lat, lon);
                    n++;
                }
            }
        });
        return residents;
    }

    /// <summary>
    /// A ragged star of <paramref name="vertices"/> points around a centre (a flood plain's outline
    /// rather than a circle), scaled by bisection until it holds about <paramref name="share"/> of the residents.
    /// </summary>
    public static AreaPolygon AlertPolygon(TargetingIndex index, GeoPoint centre, int vertices, double share)
    {
        double low = 0.01, high = 1.5;
        var target = index.Count * share;
        var polygon = Star(centre, 0.5, vertices);
        for (var step = 0; step < 30; step++)
        {
            var mid = (low + high) / 2;
            polygon = Star(centre, mid, vertices);
            if (index.Find(AlertArea.Of(polygons: [polygon])).Count < target)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return polygon;
    }

    private static AreaPolygon Star(GeoPoint centre, double scale, int vertices)
    {
        var ring = new List<GeoPoint>(vertices + 1);
        for (var i = 0; i < vertices; i++)
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = scale * (1 + (0.25 * Math.Sin(5 * angle)) + (0.08 * Math.Sin((23 * angle) + 1)) + (0.03 * Math.Cos(71 * angle)));
            ring.Add(new GeoPoint(Lat: centre.Lat + (r * Math.Sin(angle)), Lon: centre.Lon + (r * Math.Cos(angle) / Math.Cos(centre.Lat * Math.PI / 180))));
        }

        ring.Add(ring[0]);
        return new AreaPolygon(ring);
    }
}
