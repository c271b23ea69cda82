using CivilDefense.Cli;

// ptds: set-up and bulk work on the same Core handlers as the web app (see README).
return await CliApp.RunAsync(args, Console.Out, Console.Error);
