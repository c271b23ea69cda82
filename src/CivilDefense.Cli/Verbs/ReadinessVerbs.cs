using System.CommandLine;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;

namespace CivilDefense.Cli.Verbs;

/// <summary>
/// ptds import-readiness KIND FILE [--dry-run] and ptds export-readiness KIND FILE: a registry
/// (forces, equipment, supplies, logistics-points, shelters) from or to CSV or XLSX (by extension),
/// all or nothing, errors as "row N, field F: message" (exit 1).
/// </summary>
internal static class ReadinessVerbs
{
    public static Command Import(CliConsole console)
    {
        var (kind, file) = Arguments();
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the whole file and report; write nothing." };
        var command = new Command("import-readiness", "Import a readiness registry file (CSV or XLSX); all or nothing.") { kind, file, dryRun };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists || RegistryFile.FormatOf(path.Name) is not { } format)
            {
                await console.Error.WriteLineAsync($"Not a readable .csv or .xlsx file: {path.FullName}");
                return 1;
            }

            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            await using var stream = path.OpenRead();
            var report = await RegistryKinds.Run(parse.GetValue(kind)!, new ImportAction(db, stream, format, parse.GetValue(dryRun), ct))!;
            foreach (var error in report.Errors)
            {
                await console.Error.WriteLineAsync(error.ToString());
            }

            await (report.IsSuccess
                ? console.Out.WriteLineAsync($"{(report.DryRun ? "Checked (nothing written)" : "Imported")}: {report.Created} new, {report.Updated} updated.")
                : console.Error.WriteLineAsync($"{report.Errors.Count} error(s); nothing was imported."));

            return report.IsSuccess ? 0 : 1;
        });
        return command;
    }

    public static Command Export(CliConsole console)
    {
        var (kind, file) = Arguments();
        var command = new Command("export-readiness", "Export a readiness registry to CSV or XLSX (by the file's extension).") { kind, file };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (RegistryFile.FormatOf(path.Name) is not { } format)
            {
                await console.Error.WriteLineAsync("The file must end in .csv or .xlsx.");
                return 1;
            }

            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            await using var stream = path.Create();
            var result = await RegistryKinds.Run(parse.GetValue(kind)!, new ExportAction(db, stream, format, ct))!;
            await console.Out.WriteLineAsync($"Exported {result.Value} records to {path.FullName}.");
            return 0;
        });
        return command;
    }

    private static (Argument<string> Kind, Argument<FileInfo> File) Arguments()
    {
        var kind = new Argument<string>("kind") { Description = "forces, equipment, supplies, logistics-points or shelters." };
        kind.AcceptOnlyFromAmong([.. RegistryKinds.Names]);
        return (kind, new Argument<FileInfo>("file") { Description = "A .csv or .xlsx file." });
    }

    private sealed class ImportAction(PtdsDbContext db, Stream stream, RegistryFileFormat format, bool dryRun, CancellationToken ct) : IRegistryAction<RegistryImportReport>
    {
        public Task<RegistryImportReport> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
            where TEntity : class, IUnitResource, IVersioned
            where TInput : class, IRegistryInput
            where TView : IRegistryView =>
            new ImportRecords(db).HandleAsync(kind, stream, format, dryRun, ct);
    }

    private sealed class ExportAction(PtdsDbContext db, Stream stream, RegistryFileFormat format, CancellationToken ct) : IRegistryAction<Result<int>>
    {
        public Task<Result<int>> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
            where TEntity : class, IUnitResource, IVersioned
            where TInput : class, IRegistryInput
            where TView : IRegistryView =>
            new ExportRecords(db).HandleAsync(kind, new ListRecords.Query(), format, stream, ct);
    }
}
