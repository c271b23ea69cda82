using System.CommandLine;

namespace CivilDefense.Cli.Verbs;

/// <summary>The table of contents of the CLI: one line per verb.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All(CliConsole console) =>
    [
        MigrateVerb.Create(),
        SchemaScriptVerb.Create(),
        ImportUnitsVerb.Create(),
        ImportPlanVerb.Create(),
        SeedDemoVerb.Create(),
        CreateUserVerb.Create(console),
        ResetPasswordVerb.Create(console),
        ExportAuditVerb.Create(console),
        ReadinessReportVerb.Create(console),
        ReadinessVerbs.Import(console),
        ReadinessVerbs.Export(console),
        ExportPlanReportVerb.Create(console),
        CapValidateVerb.Create(console),
    ];
}
