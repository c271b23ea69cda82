using System.CommandLine;
using CivilDefense.Core.Plans.Reports;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Cli.Verbs;

/// <summary>Writes a plan's yearly implementation report (DOCX) through the same handler as the web download.</summary>
internal static class ExportPlanReportVerb
{
    public static Command Create(CliConsole console)
    {
        var plan = new Argument<string>("PLAN") { Description = "The plan's id or its number and symbol (e.g. 83-KH/TU)." };
        var year = new Argument<int>("YEAR") { Description = "The year the report covers." };
        var output = new Option<string?>("--out") { Description = "Where to write the DOCX (default: the suggested file name in the current folder)." };
        var command = new Command("export-plan-report", "Compile a plan's yearly implementation report from its accepted progress reports, as DOCX.")
        {
            plan, year, output,
        };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var key = parse.GetValue(plan)!.Trim();
            var ids = int.TryParse(key, out var id)
                ? [id]
                : await db.Plans.Where(p => p.NumberSymbol == key && p.IsActive).Select(p => p.Id).ToListAsync(ct);
            if (ids.Count != 1)
            {
                await console.Error.WriteLineAsync(ids.Count == 0 ? $"No plan {key}." : $"{ids.Count} plans are numbered {key}; give the id.");
                return 1;
            }

            var result = await new ExportPlanReport(db).HandleAsync(ids[0], parse.GetValue(year), ct);
            if (!result.IsSuccess)
            {
                await CliErrors.WriteAsync(console, result.Error!);
                return 1;
            }

            var path = parse.GetValue(output) ?? result.Value!.FileName;
            await File.WriteAllBytesAsync(path, result.Value!.Content, ct);
            await console.Out.WriteLineAsync($"Wrote {path} ({result.Value.Content.Length:N0} bytes).");
            return 0;
        });
        return command;
    }
}
