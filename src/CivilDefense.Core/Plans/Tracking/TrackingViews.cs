namespace CivilDefense.Core.Plans.Tracking;

// Read models of plan tracking: "my tasks", reports, dashboards.

/// <summary>One assignment as its body sees it on "my tasks".</summary>
public sealed record MyTaskView(
    int AssignmentId,
    int PlanId,
    string? PlanNumberSymbol,
    string PlanTitle,
    ReportingPeriod ReportingPeriod,
    int TaskId,
    string GroupNumber,
    string TaskNumber,
    string TaskText,
    string? TimingText,
    int OrganizationId,
    string OrganizationName,
    AssignmentStatus Status,
    int? Percent,
    DateTime? LastReportedAt,
    ReportSummaryView? LastReport,
    AssignmentFlags Flags,
    ReminderView? Reminder);

public sealed record ReportSummaryView(int Id, string Period, AssignmentStatus Status, int? Percent, ReviewState ReviewState, string? ReviewNote, DateTime SubmittedAt);

public sealed record ReminderView(string Slot, DateOnly DueOn, DateTime RaisedAt);

/// <summary>A progress report in full, with its attachments (names for display only).</summary>
public sealed record ProgressReportView(
    int Id,
    int AssignmentId,
    string Period,
    AssignmentStatus Status,
    int? Percent,
    string Narrative,
    IReadOnlyDictionary<string, decimal> Figures,
    DateTime SubmittedAt,
    string SubmittedBy,
    ReviewState ReviewState,
    string? ReviewNote,
    string? ReviewedBy,
    DateTime? ReviewedAt,
    IReadOnlyList<AttachmentView> Attachments);

public sealed record AttachmentView(int Id, string FileName, string ContentType, long Size);

/// <summary>One assignment with its task, body and reports, for the review page.</summary>
public sealed record AssignmentDetails(
    int Id,
    int PlanId,
    string PlanTitle,
    string TaskNumber,
    string TaskText,
    int OrganizationId,
    string OrganizationName,
    AssignmentStatus Status,
    int? Percent,
    AssignmentFlags Flags,
    bool CanFile,
    bool CanReview,
    IReadOnlyList<ProgressReportView> Reports);
