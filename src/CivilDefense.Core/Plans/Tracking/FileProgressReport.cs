using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// An implementing body files progress (báo cáo tiến độ) on its assignment for one period: status,
/// percentage, narrative, figures and attachments. The assignment takes the reported status and
/// percentage. Only the body's liaison, or a writer of plans over the body's unit, may file.
/// </summary>
public sealed class FileProgressReport(PtdsDbContext db, AttachmentStore store)
{
    public const int MaxNarrativeLength = 20000;
    public const int MaxFigures = 30;
    public const int MaxFigureNameLength = 100;

    /// <param name="Period">The reporting period key; the pending period when left out.</param>
    /// <param name="Figures">Named numbers ("người được tập huấn": 120).</param>
    public sealed record Input(
        AssignmentStatus Status,
        int? Percent,
        string Narrative,
        string? Period = null,
        IReadOnlyDictionary<string, decimal>? Figures = null);

    public async Task<Result<ProgressReportView>> HandleAsync(int assignmentId, Input input, IReadOnlyList<AttachmentUpload> attachments, CancellationToken ct)
    {
        var assignment = await db.PlanAssignments.Where(a => a.Id == assignmentId && a.IsActive)
            .Select(a => new { Entity = a, UnitPath = a.Unit.Path, a.Task.Plan.ReportingPeriod })
            .SingleOrDefaultAsync(ct);
        if (assignment is null)
        {
            return new NotFoundError("No such assignment.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Plans, assignment.UnitPath, assignment.Entity.OrganizationId))
        {
            return new ForbiddenError("Only the implementing body, or an officer over it, may report on this assignment.");
        }

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (Validate(input, assignment.ReportingPeriod, today, out var period) is { } invalid)
        {
            return invalid;
        }

        if (attachments.Count > store.Options.MaxFilesPerReport)
        {
            return ValidationError.ForField("attachments", $"Attach at most {store.Options.MaxFilesPerReport} files.");
        }

        var checkedFiles = new List<(AttachmentUpload Upload, string Type)>();
        foreach (var upload in attachments)
        {
            var type = store.Check(upload, "attachments");
            if (!type.IsSuccess)
            {
                return type.Error!;
            }

            checkedFiles.Add((upload, type.Value!));
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var percent = input.Status == AssignmentStatus.Completed ? input.Percent ?? 100 : input.Percent;
        var report = new ProgressReport
        {
            AssignmentId = assignmentId,
            Period = period!.Key,
            Status = input.Status,
            Percent = percent,
            Narrative = input.Narrative.Trim(),
            FiguresJson = input.Figures is { Count: > 0 } figures ? JsonSerializer.Serialize(figures) : null,
            SubmittedAt = now,
            SubmittedBy = db.Actor.Name,
            ReviewState = ReviewState.Submitted,
        };
        var written = new List<string>();
        try
        {
            foreach (var (upload, type) in checkedFiles)
            {
                var (storedName, isNew) = await store.SaveAsync(upload.Content, ct);
                if (isNew)
                {
                    written.Add(storedName);
                }

                report.Attachments.Add(new ReportAttachment { FileName = upload.FileName, ContentType = type, Size = upload.Content.LongLength, StoredName = storedName });
            }

            db.ProgressReports.Add(report);
            var entity = assignment.Entity;
            entity.Status = input.Status;
            entity.Percent = percent;
            entity.LastReportedAt = now;
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await RemoveUncommittedAsync(written);
            throw;
        }

        return ProgressReports.ToView(report);
    }

    /// <summary>
    /// Files are stored before the report that names them is saved; when the save fails (a
    /// conflict, a denial), the files this call wrote are removed unless a committed report of
    /// someone else, filed meanwhile with the same content, now refers to them.
    /// </summary>
    private async Task RemoveUncommittedAsync(List<string> written)
    {
        foreach (var name in written)
        {
            if (!await db.ReportAttachments.IgnoreQueryFilters().AnyAsync(a => a.StoredName == name, CancellationToken.None))
            {
                store.Delete(name);
            }
        }
    }

    private static ValidationError? Validate(Input input, ReportingPeriod reporting, DateOnly today, out ReportingSlot? period)
    {
        period = input.Period is null ? TrackingFlags.Evaluate(new TrackingFacts(reporting, null, default, null, null, default, null), today).Pending
            : ReportingSlots.Parse(reporting, input.Period.Trim());
        if (period is null)
        {
            return ValidationError.ForField("period", $"Give the period as the plan reports: {ReportingSlots.Containing(reporting, today).Key}.");
        }

        if (period.Start > today)
        {
            return ValidationError.ForField("period", "A period that has not started cannot be reported on.");
        }

        if (string.IsNullOrWhiteSpace(input.Narrative))
        {
            return ValidationError.ForField("narrative", "Describe what was done.");
        }

        if (input.Narrative.Length > MaxNarrativeLength)
        {
            return ValidationError.ForField("narrative", $"The narrative may not exceed {MaxNarrativeLength} characters.");
        }

        if (input.Percent is < 0 or > 100)
        {
            return ValidationError.ForField("percent", "The percentage is between 0 and 100.");
        }

        if (input.Status == AssignmentStatus.NotStarted && input.Percent is > 0)
        {
            return ValidationError.ForField("percent", "A task not started is 0% done.");
        }

        if (!Enum.IsDefined(input.Status))
        {
            return ValidationError.ForField("status", "Unknown status.");
        }

        return ValidateFigures(input.Figures);
    }

    private static ValidationError? ValidateFigures(IReadOnlyDictionary<string, decimal>? figures)
    {
        if (figures is null)
        {
            return null;
        }

        if (figures.Count > MaxFigures)
        {
            return ValidationError.ForField("figures", $"At most {MaxFigures} figures.");
        }

        foreach (var (name, value) in figures)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxFigureNameLength || name.Any(char.IsControl))
            {
                return ValidationError.ForField("figures", $"A figure needs a name of at most {MaxFigureNameLength} characters, without control characters.");
            }

            if (Math.Abs(value) > 1_000_000_000_000m)
            {
                return ValidationError.ForField("figures", $"The figure '{name}' is out of range.");
            }
        }

        return null;
    }
}
