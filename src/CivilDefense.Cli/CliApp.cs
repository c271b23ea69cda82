using System.CommandLine;
using CivilDefense.Cli.Verbs;

namespace CivilDefense.Cli;

/// <summary>
/// The CLI as a callable: Program.cs runs it with the console, tests run it in-process with their
/// own writers, so both exercise the same verbs and exit codes.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("PTDS command-line tool: database set-up, imports, users, audit export.");
        foreach (var verb in CliVerbs.All(new CliConsole(output, error)))
        {
            root.Subcommands.Add(verb);
        }

        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}

/// <summary>Where verbs write: results to Out, failures to Error.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
