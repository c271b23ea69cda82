using System.CommandLine;
using CivilDefense.Core.Geography.Import;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace CivilDefense.Cli.Verbs;

/// <summary>
/// ptds import-units FILE --format json|csv|geojson|population|centroids|mapping [--province 80]:
/// parse the whole file first; any error is printed and nothing is written (exit 1).
/// </summary>
internal static class ImportUnitsVerb
{
    private static readonly string[] Formats = ["json", "csv", "geojson", "population", "centroids", "mapping"];

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The file to import (.gz is read transparently)." };
        var format = new Option<string>("--format")
        {
            Description = "json (vn_units), csv (units), geojson (boundaries), population, centroids, mapping (splits/merges, check only).",
            Required = true,
        };
        format.AcceptOnlyFromAmong(Formats);
        var province = new Option<string?>("--province") { Description = "Code of the current unit whose subtree boundaries, population or centroids apply to, e.g. 80." };
        var year = new Option<int>("--year") { Description = "Year of the population figures.", DefaultValueFactory = _ => 2019 };

        var command = new Command("import-units", "Import administrative units, boundaries, population or centroids; all or nothing.") { file, format, province, year };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No such file: {path.FullName}[/]");
                return 1;
            }

            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var kind = parse.GetValue(format)!;
            var within = parse.GetValue(province);
            return kind switch
            {
                "json" or "csv" => await ImportUnitsAsync(db, path, kind, ct),
                "geojson" => await RunAsync(path, BoundaryGeoJsonParser.Parse, (rows, p) => ApplyUnitImport.ApplyBoundariesAsync(db, rows, within, p, ct)),
                "population" => await RunAsync(path, PopulationCsvParser.Parse, (rows, p) => ApplyUnitImport.ApplyPopulationAsync(db, rows, parse.GetValue(year), within, p, ct)),
                "centroids" => await RunAsync(path, CentroidsCsvParser.Parse, (rows, p) => ApplyUnitImport.ApplyCentroidsAsync(db, rows, within, p, ct)),
                _ => CheckMapping(path),
            };
        });
        return command;
    }

    private static async Task<int> ImportUnitsAsync(Core.Data.PtdsDbContext db, FileInfo path, string kind, CancellationToken ct)
    {
        // Parents may already be in the database: pass the current codes so the parser accepts them.
        var known = await db.Units.Select(u => u.Code).Distinct().ToListAsync(ct);
        return await RunAsync(path,
            s => kind == "json" ? VnUnitsJsonParser.Parse(s, knownCodes: known) : UnitsCsvParser.Parse(s, known),
            (rows, p) => ApplyUnitImport.ApplyUnitsAsync(db, rows, p, ct));
    }

    private static async Task<int> RunAsync<T>(FileInfo path, Func<Stream, ParseResult<T>> parse, Func<IReadOnlyList<T>, IProgress<int>, Task<ImportOutcome>> apply)
    {
        ParseResult<T> parsed;
        await using (var stream = path.OpenRead())
        {
            parsed = parse(stream);
        }

        if (!parsed.IsSuccess)
        {
            return Report(parsed.Errors, "nothing was imported");
        }

        ImportOutcome? outcome = null;
        await AnsiConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"Importing {parsed.Rows.Count} rows", maxValue: Math.Max(1, parsed.Rows.Count));
            outcome = await apply(parsed.Rows, new SynchronousProgress(done => task.Value = done));
            task.Value = task.MaxValue;
        });

        if (!outcome!.IsSuccess)
        {
            return Report(outcome.Errors, "nothing was imported");
        }

        AnsiConsole.MarkupLineInterpolated($"[green]Imported:[/] {outcome.Added} added, {outcome.Updated} updated, {outcome.Unchanged} unchanged.");
        return 0;
    }

    private static int CheckMapping(FileInfo path)
    {
        using var stream = path.OpenRead();
        var parsed = SuccessionMappingParser.Parse(stream);
        if (!parsed.IsSuccess)
        {
            return Report(parsed.Errors, "the mapping is not usable");
        }

        // Successions need the pre-reform units, which only the demo seed creates so far: report, do not write.
        var corrected = parsed.Rows.Count(r => r.Note is not null);
        AnsiConsole.MarkupLineInterpolated($"[green]Mapping OK:[/] {parsed.Rows.Count} pairs ({parsed.Rows.Count(r => r.IsPartial)} partial, {corrected} corrected). Nothing written: successions are created by seed-demo.");
        return 0;
    }

    private static int Report(IReadOnlyList<ImportError> errors, string consequence)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine(error.ToString());
        }

        Console.Error.WriteLine($"{errors.Count} error(s); {consequence}.");
        return 1;
    }

    /// <summary>Progress&lt;T&gt; posts to a captured context; the bar should move as the rows are written.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
