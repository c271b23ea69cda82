using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Plans;

/// <summary>
/// One implementing body's share of a task: what it reports progress on. It belongs to the body's
/// unit, so a commune sees the assignments of its own bodies and the province sees them all.
/// </summary>
public sealed class PlanAssignment : IVersioned
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public PlanTask Task { get; set; } = null!;

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    /// <summary>The organisation's unit, copied so scope filters need no join through the organisation.</summary>
    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public AssignmentStatus Status { get; set; }

    /// <summary>Percentage done, where the task lends itself to one.</summary>
    public int? Percent { get; set; }

    public DateTime? LastReportedAt { get; set; }

    /// <summary>False once the body is no longer named by the task (a later revision dropped it).</summary>
    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public List<ProgressReport> Reports { get; set; } = [];
}

public enum AssignmentStatus
{
    NotStarted,
    InProgress,
    Completed,
    Stalled,
}

/// <summary>A progress report (báo cáo tiến độ) an implementing body files for one period.</summary>
public sealed class ProgressReport : IVersioned
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public PlanAssignment Assignment { get; set; } = null!;

    /// <summary>The reporting slot: "2026", "2026-H1", "2026-Q3" or "2026-07".</summary>
    public required string Period { get; set; }

    public AssignmentStatus Status { get; set; }

    public int? Percent { get; set; }

    public required string Narrative { get; set; }

    /// <summary>Figures as JSON name/value pairs ("trainees": 120).</summary>
    public string? FiguresJson { get; set; }

    public DateTime SubmittedAt { get; set; }

    public required string SubmittedBy { get; set; }

    public ReviewState ReviewState { get; set; }

    public string? ReviewNote { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>The lead body on whose behalf a liaison reviewed (the write guard checks it leads the task).</summary>
    public int? ReviewerOrganizationId { get; set; }

    public int Version { get; set; }

    public List<ReportAttachment> Attachments { get; set; } = [];
}

public enum ReviewState
{
    Submitted,
    Accepted,
    Returned,
}

/// <summary>A file attached to a progress report. The bytes live in the attachment store under <see cref="StoredName"/>.</summary>
public sealed class ReportAttachment
{
    public int Id { get; set; }

    public int ReportId { get; set; }

    public ProgressReport Report { get; set; } = null!;

    /// <summary>The name the user gave, for display only; never used as a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>The SHA-256 of the content, which is also its name in the store.</summary>
    public required string StoredName { get; set; }
}

/// <summary>
/// A name a user confirmed for an organisation (or decided to leave unmatched), so the next import
/// of the same words resolves without asking again. Kept per unit: names mean different bodies in
/// different provinces.
/// </summary>
public sealed class BodyAlias
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public required string MentionKey { get; set; }

    public required string Mention { get; set; }

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;
}
