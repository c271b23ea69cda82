using System.Diagnostics;
using System.Globalization;
using CivilDefense.Bench.Targeting;
using CivilDefense.Core.Alerts.Targeting;

// Alert targeting, warm and in process, side by side with PostGIS in the same run (issue #5).
// Usage: TargetingBench <runs> <postgres admin connection string> [subscribers]
var runs = int.Parse(args[0], CultureInfo.InvariantCulture);
var postgres = args[1];
var total = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000_000;
var demoDir = Path.Combine(AppContext.BaseDirectory, "demo");
var clock = Stopwatch.StartNew();

var communes = Generator.LoadCommunes(demoDir);
var residents = Generator.Residents(communes, total);
Console.WriteLine($"Generated {residents.Length:N0} subscribers in {communes.Count} communes in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
// BENCH_POINTS_PER_CELL tries another cell size; BENCH_OURS_ONLY=1 skips PostGIS (for tuning only: the recorded run needs both).
var perCell = double.TryParse(Environment.GetEnvironmentVariable("BENCH_POINTS_PER_CELL"), CultureInfo.InvariantCulture, out var chosen) ? chosen : TargetingIndex.DefaultPointsPerCell;
var index = TargetingIndex.Build([.. residents.Select(r => new SubscriberLocation(r.Id, r.Lat, r.Lon, communes[r.CommuneIndex].Code))], pointsPerCell: perCell);
Console.WriteLine($"Index built in {clock.Elapsed.TotalMilliseconds:F0} ms: cell {index.CellSizeDegrees:F5}° (~{index.CellSizeDegrees * 111:F2} km)");

// The polygon around the residents' centre of mass; the circle on the most populous commune.
var centre = new GeoPoint(Lat: residents.Average(r => r.Lat), Lon: residents.Average(r => r.Lon));
var polygon = Generator.AlertPolygon(index, centre, vertices: 300, share: 0.10);
var biggest = communes.IndexOf(communes.MaxBy(c => c.Population)!);
var circleCentre = new GeoPoint(Lat: residents.Where(r => r.CommuneIndex == biggest).Average(r => r.Lat), Lon: residents.Where(r => r.CommuneIndex == biggest).Average(r => r.Lon));
var circle = new AreaCircle(circleCentre, 10);
var codes = communes.Where((_, i) => i % 8 == 3).Select(c => c.Code).Take(12).ToArray();

var scenarios = new (string Name, AlertArea Area)[]
{
    ("polygon (300 vertices)", AlertArea.Of(polygons: [polygon])),
    ("circle 10 km", AlertArea.Of(circles: [circle])),
    ("geocodes (12 communes)", AlertArea.Of(geocodes: codes)),
    ("all three (the alert)", AlertArea.Of(polygons: [polygon], circles: [circle], geocodes: codes)),
};

Console.WriteLine($"Polygon centre {centre.Lat:F4} N {centre.Lon:F4} E; circle centre {circleCentre.Lat:F4} N {circleCentre.Lon:F4} E (commune {communes[biggest].Code}); geocodes {string.Join(' ', codes)}");
Console.WriteLine($"Load average before PostGIS load: {File.ReadAllText("/proc/loadavg").Trim()}");
var oursOnly = Environment.GetEnvironmentVariable("BENCH_OURS_ONLY") == "1";
await using var gis = oursOnly ? null : await PostGis.CreateAsync(postgres, residents, [.. communes.Select(c => c.Code)]);
// The product keeps only the index (SubscriberIndexCache drops the rows it was built from);
// holding two million generated records here would make every full collection walk them, and
// each query's result array (a large-object allocation) triggers such collections.
residents = null!;
GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
Console.WriteLine($"Load average before measuring: {File.ReadAllText("/proc/loadavg").Trim()}");

var failures = 0;
Console.WriteLine();
Console.WriteLine($"{"area",-24} {"recipients",10} {"ours median",12} {"ours p90",9} {"PostGIS median",15} {"PostGIS p90",12} {"ratio",7}");
foreach (var (name, area) in scenarios)
{
    var ours = Measure(() => { using var found = index.Find(area); return found.Count; }, runs);
    var theirs = gis is null ? (Count: ours.Count, Median: double.NaN, P90: double.NaN) : await MeasureAsync(() => gis.CountAsync(area), Math.Max(5, runs / 10));
    if (ours.Count != theirs.Count)
    {
        Console.WriteLine($"MISMATCH {name}: ours {ours.Count:N0}, PostGIS {theirs.Count:N0}");
        failures++;
    }

    var ratio = theirs.Median / ours.Median;
    Console.WriteLine($"{name,-24} {ours.Count,10:N0} {ours.Median,9:F2} ms {ours.P90,6:F2} ms {theirs.Median,12:F1} ms {theirs.P90,9:F1} ms {ratio,6:F0}×");
    if (name.StartsWith("all", StringComparison.Ordinal) && (ours.Median > 10 || !(ratio >= 20 || oursOnly)))
    {
        Console.WriteLine($"TARGET MISSED {name}: median {ours.Median:F2} ms (≤ 10 ms), {ratio:F1}× PostGIS (≥ 20×)");
        failures++;
    }
}

Console.WriteLine($"Load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return failures == 0 ? 0 : 1;

static (int Count, double Median, double P90) Measure(Func<int> query, int runs)
{
    var count = 0;
    for (var i = 0; i < 10; i++)
    {
        count = query();
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        count = query();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    return (count, times[runs / 2], times[(int)(runs * 0.9)]);
}

static async Task<(int Count, double Median, double P90)> MeasureAsync(Func<Task<int>> query, int runs)
{
    var count = 0;
    for (var i = 0; i < 3; i++)
    {
        count = await query();
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var start = Stopwatch.GetTimestamp();
        count = await query();
        times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(times);
    return (count, times[runs / 2], times[Math.Min(runs - 1, (int)(runs * 0.9))]);
}
