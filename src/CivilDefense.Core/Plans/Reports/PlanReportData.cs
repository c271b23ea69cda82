namespace CivilDefense.Core.Plans.Reports;

/// <summary>Everything the yearly implementation report (báo cáo kết quả thực hiện) is written from.</summary>
public sealed record PlanReportData(
    string IssuingBody,
    string? ParentBody,
    string NumberSymbolSuffix,
    string Place,
    int Year,
    DateOnly ReportDate,
    string PlanReference,
    string PlanTitle,
    string? SignerTitle,
    string? Signer,
    IReadOnlyList<ReportGroup> Groups,
    ReportAssessment Assessment,
    IReadOnlyList<string> Recipients);

public sealed record ReportGroup(string Number, string Title, IReadOnlyList<ReportTask> Tasks);

public sealed record ReportTask(
    string Number,
    string Text,
    string? Timing,
    IReadOnlyList<string> Directing,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Implementing,
    AssignmentStatus? Status,
    IReadOnlyList<ReportEntry> Accepted);

/// <summary>One accepted progress report, as the report quotes it.</summary>
public sealed record ReportEntry(string Body, string Period, AssignmentStatus Status, int? Percent, string Narrative, IReadOnlyDictionary<string, decimal> Figures);

/// <summary>The counts of the general assessment (đánh giá chung).</summary>
public sealed record ReportAssessment(int Tasks, int Completed, int InProgress, int NotStarted, int Stalled, int Assignments, int AssignmentsReported, int Overdue);

/// <summary>Vietnamese words for statuses in documents.</summary>
public static class StatusWords
{
    public static string Of(AssignmentStatus? status) => status switch
    {
        AssignmentStatus.Completed => "Hoàn thành",
        AssignmentStatus.InProgress => "Đang thực hiện",
        AssignmentStatus.Stalled => "Chậm, vướng mắc",
        AssignmentStatus.NotStarted => "Chưa triển khai",
        _ => "Chưa có báo cáo",
    };
}
