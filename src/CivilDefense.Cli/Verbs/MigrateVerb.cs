using System.CommandLine;
using CivilDefense.Core.Data;

namespace CivilDefense.Cli.Verbs;

internal static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Create or upgrade the database schema to the latest version.").WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var applied = await new SchemaMigrator(db).MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "The schema is up to date." : "Applied: " + string.Join(", ", applied));
            return 0;
        });
        return command;
    }
}
