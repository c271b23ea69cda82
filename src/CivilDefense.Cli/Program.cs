using System.CommandLine;
using CivilDefense.Cli.Verbs;

// ptds: set-up and bulk work on the same Core handlers as the web app (see README).
var root = new RootCommand("PTDS command-line tool: database set-up, imports, users, audit export.");
foreach (var verb in CliVerbs.All())
{
    root.Subcommands.Add(verb);
}

return await root.Parse(args).InvokeAsync();
