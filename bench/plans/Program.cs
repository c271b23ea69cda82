using System.Diagnostics;
using System.Text;
using CivilDefense.Bench.Plans;
using CivilDefense.Core.Plans.Import;

// Usage: dotnet run -c Release -- <seed-002 path> <demo data dir> [runs] [sqlite|postgres=<connection>]
// Each run imports into a fresh copy of a database holding the demo province (3,356 units, its
// organisation registry), as the province's officer, preview then apply, and prints the times.
var seedPath = args[0];
var demoDir = args[1];
var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
var target = args.Length > 3 ? args[3] : "sqlite";
var work = Directory.CreateTempSubdirectory("ptds-plans-bench").FullName;

var template = await DatabaseCopies.CreateTemplateAsync(target, work, demoDir);
Console.Error.WriteLine($"Template ready ({template.Provider}).");

async Task<(long Preview, long Apply, PlanImportResult Result)> ImportAsync(string name, PlanFile file, Func<CivilDefense.Core.Data.PtdsDbContext, int, Task>? after = null)
{
    var options = await template.CopyAsync(name);
    var (unitId, officer) = await template.ProvinceOfficerAsync(options);
    await using var db = DatabaseCopies.Open(options, officer);
    var clock = Stopwatch.StartNew();
    var preview = await new PreviewPlanImport(db).HandleAsync(file, unitId, default);
    var previewMs = clock.ElapsedMilliseconds;
    clock.Restart();
    var (ticks, count) = (DatabaseCopies.Commands.Ticks, DatabaseCopies.Commands.Count);
    var result = await new ApplyPlanImport(db).HandleAsync(file, unitId, [], default);
    var applyMs = clock.ElapsedMilliseconds;
    Console.Error.WriteLine($"  {name}: apply {applyMs} ms, of which {(DatabaseCopies.Commands.Ticks - ticks) / TimeSpan.TicksPerMillisecond} ms in {DatabaseCopies.Commands.Count - count} database commands");
    if (!preview.IsSuccess || !result.IsSuccess)
    {
        throw new InvalidOperationException((preview.Error ?? result.Error)!.Message);
    }

    if (after is not null)
    {
        await using var reader = DatabaseCopies.Open(options, officer);
        await after(reader, result.Value!.PlanId);
    }

    await template.DropAsync(options);
    return (previewMs, applyMs, result.Value!);
}

void Report(string name, List<(long Preview, long Apply, PlanImportResult Result)> samples)
{
    var totals = samples.Select(s => s.Preview + s.Apply).Order().ToList();
    var r = samples[0].Result;
    Console.WriteLine($"{name} [{template.Provider}]: {r.Groups} groups, {r.Tasks} tasks, {r.Assignments} assignments, {r.Unresolved} to review; "
        + $"preview+apply median {totals[totals.Count / 2]} ms, min {totals[0]} ms, max {totals[^1]} ms "
        + $"(preview {string.Join("/", samples.Select(s => s.Preview))}; apply {string.Join("/", samples.Select(s => s.Apply))})");
}

var seed = new PlanFile(Path.GetFileName(seedPath), await File.ReadAllBytesAsync(seedPath));
var seedSamples = new List<(long, long, PlanImportResult)>();
for (var i = 0; i < runs + 1; i++)
{
    var sample = await ImportAsync($"seed{i}", seed);
    if (i > 0)
    {
        seedSamples.Add(sample); // the first run warms the JIT
    }
}

Report("seed 002", seedSamples);

var names = await template.CommuneBodyNamesAsync();
var large = new PlanFile("generated-500x50.md", Encoding.UTF8.GetBytes(PlanGenerator.Markdown(names, groups: 50, tasksPerGroup: 10, bodiesPerTask: 50)));
var largeSamples = new List<(long, long, PlanImportResult)>();
var dashboardMs = new List<long>();
async Task DashboardAsync(CivilDefense.Core.Data.PtdsDbContext db, int planId)
{
    // The dashboard's data as its page and API get it: totals, heat map cells, the chart's series.
    for (var i = 0; i < runs + 1; i++)
    {
        var clock = Stopwatch.StartNew();
        var dashboard = await new CivilDefense.Core.Plans.Tracking.GetPlanDashboard(db).HandleAsync(planId, new CivilDefense.Core.Plans.Tracking.DashboardFilter(), default);
        if (!dashboard.IsSuccess)
        {
            throw new InvalidOperationException(dashboard.Error!.Message);
        }

        if (i > 0)
        {
            dashboardMs.Add(clock.ElapsedMilliseconds);
        }
    }
}

for (var i = 0; i < Math.Max(1, runs / 2); i++)
{
    largeSamples.Add(await ImportAsync($"large{i}", large, i == 0 ? DashboardAsync : null));
}

Report("500 tasks x 50 bodies", largeSamples);
dashboardMs.Sort();
Console.WriteLine($"dashboard of the 500 x 50 plan [{template.Provider}]: median {dashboardMs[dashboardMs.Count / 2]} ms, min {dashboardMs[0]} ms, max {dashboardMs[^1]} ms ({runs} warm runs)");
Directory.Delete(work, recursive: true);
