using System.CommandLine;
using CivilDefense.Core.Data;

namespace CivilDefense.Cli.Verbs;

/// <summary>Prints the CREATE script of the EF model, the starting point of a new migration script (ADR 0001).</summary>
internal static class SchemaScriptVerb
{
    public static Command Create()
    {
        var command = new Command("schema-script", "Print the SQL that creates the current EF model on a provider.").WithDatabase();
        command.SetAction(parse =>
        {
            Console.Write(DataServices.GenerateModelScript(CliDatabase.Resolve(parse)));
            return 0;
        });
        return command;
    }
}
