using System.CommandLine;
using CivilDefense.Core.Audit;

namespace CivilDefense.Cli.Verbs;

/// <summary>Writes the audit trail (optionally a date range) to a CSV file, streamed, as the web export does.</summary>
internal static class ExportAuditVerb
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--out") { Description = "The CSV file to write.", Required = true };
        var from = new Option<DateOnly?>("--from") { Description = "First day (UTC, yyyy-MM-dd), inclusive." };
        var to = new Option<DateOnly?>("--to") { Description = "Last day (UTC, yyyy-MM-dd), inclusive." };
        var command = new Command("export-audit", "Export the audit trail to CSV.") { output, from, to };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var stream = new ListAudit(db).Stream(new ListAudit.Query(parse.GetValue(from), parse.GetValue(to)));
            if (!stream.IsSuccess)
            {
                await CliErrors.WriteAsync(console, stream.Error!);
                return 1;
            }

            var file = parse.GetValue(output)!;
            try
            {
                await using var writer = new StreamWriter(file.FullName, append: false, AuditCsv.Encoding);
                var count = await AuditCsv.WriteAsync(stream.Value!.Rows, writer, ct);
                await console.Out.WriteLineAsync($"Wrote {count} entries to {file.FullName}.");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"Cannot write {file.FullName}: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
