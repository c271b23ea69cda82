using System.CommandLine;
using CivilDefense.Core.Plans.Import;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace CivilDefense.Cli.Verbs;

/// <summary>
/// ptds import-plan FILE [--unit 80] [--dry-run]: reads a plan document (Markdown, text, DOCX),
/// prints what it holds and what needs review, and, unless it is a dry run, imports it in one
/// transaction as a new plan or the next revision of the plan it amends.
/// </summary>
internal static class ImportPlanVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan document: .md, .txt or .docx." };
        var unit = new Option<string?>("--unit") { Description = "Official code of the unit whose plan this is (default: the only province in the database)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the preview only; write nothing." };
        var command = new Command("import-plan", "Import a plan document: preview, then apply in one transaction.") { file, unit, dryRun };
        command.WithDatabase();
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]No such file: {path.FullName}[/]");
                return 1;
            }

            await using var db = CliDatabase.Open(CliDatabase.Resolve(parse));
            var code = parse.GetValue(unit);
            var unitIds = await db.Units.Where(u => u.ValidTo == null && (code == null ? u.Level == 1 : u.Code == code)).Select(u => u.Id).Take(2).ToListAsync(ct);
            if (unitIds.Count != 1)
            {
                AnsiConsole.MarkupLine(code is null ? "[red]Give --unit: the database has no single province.[/]" : $"[red]No current unit with code {Markup.Escape(code)}.[/]");
                return 1;
            }

            var planFile = new PlanFile(path.Name, await File.ReadAllBytesAsync(path.FullName, ct));
            var preview = await new PreviewPlanImport(db).HandleAsync(planFile, unitIds[0], ct);
            if (preview.Error is { } error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/] Nothing was imported.");
                return 1;
            }

            Print(preview.Value!);
            if (parse.GetValue(dryRun) || preview.Value!.Outcome == PlanImportOutcome.Unchanged)
            {
                return 0;
            }

            var applied = await new ApplyPlanImport(db).HandleAsync(planFile, unitIds[0], [], ct);
            if (applied.Error is { } refused)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{refused.Message}[/] Nothing was imported.");
                return 1;
            }

            var r = applied.Value!;
            AnsiConsole.MarkupLineInterpolated($"[green]Plan {r.PlanId}, revision {r.Revision}: {r.Outcome}.[/] {r.Groups} groups, {r.Tasks} tasks, {r.Assignments} assignments, {r.Unresolved} names to review.");
            return 0;
        });
        return command;
    }

    private static void Print(PlanImportPreview p)
    {
        var h = p.Plan.Header;
        AnsiConsole.MarkupLineInterpolated($"[bold]{h.Kind} {h.NumberSymbol}[/] {h.Title}");
        AnsiConsole.MarkupLineInterpolated($"{p.Outcome} (revision {p.Revision}): {p.GroupCount} groups, {p.TaskCount} tasks, {p.AssignmentCount} assignments.");
        var table = new Table().AddColumns("Task", "Directing", "Lead", "Implementing", "Timing");
        foreach (var t in p.Plan.Tasks)
        {
            string Names(Core.Plans.BodyRole role) => string.Join("; ", t.Bodies.Where(b => b.Role == role).GroupBy(b => b.Mention)
                .Select(g => g.First().OrganizationId is null ? g.Key + " (?)" : g.Count() > 1 ? $"{g.Key} ({g.Count()})" : g.Key));
            table.AddRow(Markup.Escape(t.Number), Markup.Escape(Names(Core.Plans.BodyRole.Directing)), Markup.Escape(Names(Core.Plans.BodyRole.Lead)),
                Markup.Escape(Names(Core.Plans.BodyRole.Implementing)), Markup.Escape(t.TimingText ?? "—"));
        }

        AnsiConsole.Write(table);
        foreach (var change in p.Changes)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]change[/] {change.Description}");
        }

        foreach (var r in p.Review)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]to review[/] \"{r.Mention}\" in tasks {string.Join(", ", r.TaskNumbers)}");
        }

        foreach (var t in p.TasksToReview)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]task {t.Number}[/] {t.Reason}");
        }
    }
}
