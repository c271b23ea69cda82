using System.Diagnostics;
using System.Globalization;
using CivilDefense.Bench.Plans;
using CivilDefense.Bench.Readiness;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Demo;
using CivilDefense.Core.Readiness;
using Microsoft.EntityFrameworkCore;

// Usage: dotnet run -c Release -- [runs] [sqlite|postgres=<connection>] [records]
// Builds the national instance (3,321 communes, `records` registry records), then times the
// product's own handlers, each in a fresh DbContext as a request would, warm (one run discarded):
// the national roll-up, one commune's scorecard, and shelter coverage of Tây Ninh (80).
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var target = args.Length > 1 ? args[1] : "sqlite";
var records = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var work = Directory.CreateTempSubdirectory("ptds-readiness-bench").FullName;

var clock = Stopwatch.StartNew();
var copies = await DatabaseCopies.CreateTemplateAsync(target, work, DemoSeeder.DefaultDataDirectory);
Console.Error.WriteLine($"Demo territory seeded ({copies.Provider}) in {clock.Elapsed.TotalSeconds:F0} s.");
clock.Restart();
var options = copies.Template;
var total = await NationalInstance.FillAsync(options, records);
Console.Error.WriteLine($"Registry filled to {total:N0} records in {clock.Elapsed.TotalSeconds:F0} s.");

// A national administrator: scoped to the country, so the per-entity scope filters apply as in production.
int countryId, provinceId, communeId;
Actor national;
int communes;
await using (var db = DatabaseCopies.Open(options, Actor.System))
{
    var country = await db.Units.SingleAsync(u => u.Code == DemoSeeder.RootCode);
    countryId = country.Id;
    national = new Actor("bench-national", Role.Administrator, country.Id, country.Path);
    provinceId = await db.Units.Where(u => u.Code == DemoSeeder.ProvinceCode && u.ValidTo == null).Select(u => u.Id).SingleAsync();
    communeId = await db.Units.Where(u => u.ParentId == provinceId).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync();
    communes = await db.Units.CountAsync(u => u.Level == 3 && u.ValidTo == null);
}

async Task<string> TimeAsync(string name, Func<PtdsDbContext, Task<string>> action)
{
    var samples = new List<double>();
    var detail = "";
    for (var i = 0; i <= runs; i++)
    {
        await using var db = DatabaseCopies.Open(options, national);
        var watch = Stopwatch.StartNew();
        detail = await action(db);
        if (i > 0)
        {
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    var sorted = samples.Order().ToList();
    return $"{name} [{copies.Provider}]: median {sorted[sorted.Count / 2]:F1} ms, min {sorted[0]:F1}, max {sorted[^1]:F1} "
        + $"(runs: {string.Join(" / ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))}); {detail}";
}

if (Environment.GetEnvironmentVariable("PTDS_BENCH_EXPLAIN") is "1")
{
    // Diagnosis: each SQL command of one roll-up with its time, and the database kept for EXPLAIN.
    var builder = new DbContextOptionsBuilder<PtdsDbContext>();
    options.Apply(builder);
    builder.LogTo(Console.Error.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
    await using var logged = new PtdsDbContext(builder.Options, new FixedActorAccessor(national), TimeProvider.System);
    await new GetScorecards(logged).HandleAsync(countryId, default);
    Console.Error.WriteLine($"Database kept: {options.ConnectionString}");
    return;
}

Console.WriteLine($"Instance: {communes:N0} communes, {total:N0} registry records, load average {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine(await TimeAsync("national roll-up", async db =>
{
    var report = (await new GetScorecards(db).HandleAsync(countryId, default)).Value!;
    return $"{report.Cards.Count} scorecards, overall {report.Rollup.Overall}, not ready {report.Rollup.NotReady}";
}));
Console.WriteLine(await TimeAsync("one commune's scorecard", async db =>
{
    var card = (await new GetUnitScorecard(db).HandleAsync(communeId, default)).Value!;
    return $"{card.Card.Code} overall {card.Card.Overall}";
}));
Console.WriteLine(await TimeAsync("shelter coverage, Tây Ninh", async db =>
{
    var coverage = (await new GetShelterCoverage(db).HandleAsync(provinceId, null, default)).Value!;
    return $"{coverage.Units.Count} communes, {coverage.ShortUnits} short";
}));
Console.WriteLine($"Load average after: {File.ReadAllText("/proc/loadavg").Trim()}");

await copies.DropAsync(options);
Directory.Delete(work, recursive: true);
