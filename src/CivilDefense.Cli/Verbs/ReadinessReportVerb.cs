using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CivilDefense.Core.Readiness;
using CivilDefense.Core.Resources.Registry;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Cli.Verbs;

/// <summary>The readiness scorecards of a unit's communes (by official code) as CSV, XLSX or JSON.</summary>
internal static class ReadinessReportVerb
{
    public static Command Create(CliConsole console)
    {
        var unit = new Option<string?>("--unit") { Description = "Official code of the unit (a province or a commune); default: every province." };
        var format = new Option<string>("--format") { Description = "csv, xlsx or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write; standard output when omitted (not for xlsx)." };
        var command = new Command("readiness-report", "Readiness scorecards of the communes under a unit.") { unit, format, output };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var day = DateOnly.FromDateTime(DateTime.UtcNow);
            var code = parse.GetValue(unit);
            var units = db.Units.AsNoTracking().Where(u => u.ValidTo == null || u.ValidTo >= day);
            var ids = code is null
                ? await units.Where(u => u.Level == 1).OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(ct)
                : await units.Where(u => u.Code == code).OrderBy(u => u.Level).Select(u => u.Id).Take(1).ToListAsync(ct);
            if (ids.Count == 0)
            {
                await console.Error.WriteLineAsync($"No current unit with code {code}.");
                return 1;
            }

            var reports = new List<ScorecardReport>();
            foreach (var id in ids)
            {
                reports.Add((await new GetScorecards(db).HandleAsync(id, ct)).Value!);
            }

            var kind = parse.GetValue(format)!;
            var file = parse.GetValue(output);
            if (kind == "xlsx" && file is null)
            {
                await console.Error.WriteLineAsync("--out is required for xlsx.");
                return 1;
            }

            await using var stream = file is null ? new MemoryStream() : (Stream)File.Create(file.FullName);
            if (kind == "json")
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };
                await JsonSerializer.SerializeAsync(stream, reports, options, ct);
            }
            else
            {
                RegistryFile.Write(stream, kind == "xlsx" ? RegistryFileFormat.Xlsx : RegistryFileFormat.Csv, ScorecardTable.Header, reports.SelectMany(ScorecardTable.Rows));
            }

            if (file is null)
            {
                stream.Position = 0;
                using var reader = new StreamReader(stream);
                await console.Out.WriteAsync(await reader.ReadToEndAsync(ct));
            }
            else
            {
                await console.Out.WriteLineAsync($"Wrote {reports.Sum(r => r.Cards.Count)} scorecards to {file.FullName}.");
            }

            return 0;
        });
        return command;
    }
}
