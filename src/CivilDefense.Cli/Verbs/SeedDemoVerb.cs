using System.CommandLine;
using CivilDefense.Core.Demo;
using Spectre.Console;

namespace CivilDefense.Cli.Verbs;

/// <summary>ptds seed-demo: loads the demo province into an empty database (does nothing if units exist).</summary>
internal static class SeedDemoVerb
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo?>("--data") { Description = "Folder of the demo files (default: the demo folder next to ptds)." };
        var command = new Command("seed-demo", "Load the demo territory (Việt Nam, Tây Ninh in detail), organisations and command boards into an empty database.") { data };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var result = await DemoSeeder.SeedAsync(db, parse.GetValue(data)?.FullName, new ConsoleLines(), ct);
            if (!result.Seeded)
            {
                AnsiConsole.MarkupLine("[yellow]The database already has units; nothing was seeded.[/]");
                return 0;
            }

            AnsiConsole.MarkupLineInterpolated(
                $"[green]Seeded[/] {result.Provinces} provinces, {result.Communes} communes ({result.TayNinhCommunesWithBoundary} with boundaries), {result.OldUnits} pre-reform units, {result.Successions} successions, {result.Organizations} organisations, {result.CommandBoards} boards, {result.BoardMembers} members, {result.DutyShifts} duty shifts in {result.Elapsed.TotalSeconds:F1} s.");
            return 0;
        });
        return command;
    }

    /// <summary>Prints each stage as it finishes (Progress&lt;T&gt; would post to the thread pool and could reorder lines).</summary>
    private sealed class ConsoleLines : IProgress<string>
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Report(string value) => AnsiConsole.WriteLine($"{_clock.Elapsed.TotalSeconds,5:F1} s  {value}");
    }
}
