using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans;

// Read models of plans: what lists, pages and the API show. Entities stay inside Core.

public sealed record PlanSummary(
    int Id,
    int UnitId,
    string UnitName,
    string? Kind,
    string? NumberSymbol,
    string Title,
    DateOnly? IssuedOn,
    int Revision,
    int? ParentPlanId,
    int TaskCount,
    int AssignmentCount,
    int UnresolvedCount,
    bool IsActive);

public sealed record PlanDetails(
    int Id,
    int UnitId,
    string UnitName,
    string? Kind,
    string? NumberSymbol,
    string Title,
    string? IssuingBody,
    DateOnly? IssuedOn,
    string? IssuedAt,
    string? Signer,
    string? SignerTitle,
    int? ParentPlanId,
    string? ParentPlanTitle,
    ReportingPeriod ReportingPeriod,
    bool IsNarrative,
    int Revision,
    bool IsActive,
    int Version,
    IReadOnlyList<PlanSectionView> Sections,
    IReadOnlyList<PlanGroupView> Groups,
    IReadOnlyList<PlanRevisionView> Revisions,
    IReadOnlyList<UnresolvedBodyView> Unresolved);

public sealed record PlanSectionView(PlanSectionKind Kind, int? MilestoneYear, string Text, string? ReportsTo, string? Frequency);

public sealed record PlanGroupView(int Id, string Number, string Title, IReadOnlyList<PlanTaskView> Tasks);

public sealed record PlanTaskView(
    int Id,
    string Number,
    string Text,
    TimingKind TimingKind,
    string? TimingText,
    DateOnly? DueDate,
    string? ReviewReason,
    int? ParentTaskId,
    IReadOnlyList<TaskBodyView> Bodies,
    int Assignments,
    int Completed);

public sealed record TaskBodyView(BodyRole Role, string Mention, string MentionKey, int? OrganizationId, string? OrganizationName, string Resolution);

public sealed record PlanRevisionView(int Number, DateTime ImportedAt, string ImportedBy, string SourceName, string Summary);

/// <summary>A name on the plan's review list: which tasks use it, in which roles.</summary>
public sealed record UnresolvedBodyView(string Mention, string MentionKey, IReadOnlyList<string> TaskNumbers);
