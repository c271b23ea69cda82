using System.CommandLine;

namespace CivilDefense.Cli.Verbs;

/// <summary>The table of contents of the CLI: one line per verb.</summary>
internal static class CliVerbs
{
    public static IEnumerable<Command> All() =>
    [
        MigrateVerb.Create(),
        SchemaScriptVerb.Create(),
        ImportUnitsVerb.Create(),
        SeedDemoVerb.Create(),
    ];
}
