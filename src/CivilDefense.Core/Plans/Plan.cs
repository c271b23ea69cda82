using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans;

/// <summary>
/// A plan (kế hoạch) of one administrative unit, imported from its document and tracked task by
/// task. <see cref="Revision"/> counts imported versions of the document; <see cref="Version"/>
/// is the optimistic-concurrency token every record carries.
/// </summary>
public sealed class Plan : IVersioned
{
    public int Id { get; set; }

    /// <summary>The unit whose plan this is; its users manage it, and its subtree carries it out.</summary>
    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>
    /// The unit's tree path, kept by the write guard. Users below the unit read its plans, but not
    /// the unit record itself, so scope filters cannot reach the path through <see cref="Unit"/>.
    /// </summary>
    public string UnitPath { get; set; } = "";

    public string? Kind { get; set; }

    public string? NumberSymbol { get; set; }

    public required string Title { get; set; }

    public string? IssuingBody { get; set; }

    public DateOnly? IssuedOn { get; set; }

    public string? IssuedAt { get; set; }

    public string? Signer { get; set; }

    public string? SignerTitle { get; set; }

    /// <summary>The plan this one carries down (a commune's or a department's plan made from the province's).</summary>
    public int? ParentPlanId { get; set; }

    public Plan? ParentPlan { get; set; }

    /// <summary>How often recurring tasks report; yearly unless the plan says otherwise.</summary>
    public ReportingPeriod ReportingPeriod { get; set; } = ReportingPeriod.Yearly;

    /// <summary>True when the plan was read from a narrative text, so its structure is a guess to review.</summary>
    public bool IsNarrative { get; set; }

    public int Revision { get; set; } = 1;

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public List<PlanSection> Sections { get; set; } = [];

    public List<PlanTaskGroup> Groups { get; set; } = [];

    public List<PlanRevision> Revisions { get; set; } = [];
}

public enum ReportingPeriod
{
    Yearly,
    HalfYearly,
    Quarterly,
    Monthly,
}

/// <summary>One imported version of the plan document: where it came from and what it changed.</summary>
public sealed class PlanRevision
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan Plan { get; set; } = null!;

    public int Number { get; set; }

    public DateTime ImportedAt { get; set; }

    public required string ImportedBy { get; set; }

    public required string SourceName { get; set; }

    /// <summary>Hash of what was parsed and resolved; the same document imported again matches it and changes nothing.</summary>
    public required string ContentHash { get; set; }

    public required string Summary { get; set; }
}

/// <summary>Kinds of narrative section a plan document carries besides its tasks.</summary>
public enum PlanSectionKind
{
    /// <summary>Mục đích.</summary>
    Purpose,
    /// <summary>Yêu cầu.</summary>
    Requirement,
    /// <summary>Quan điểm.</summary>
    Viewpoint,
    /// <summary>Mục tiêu (by milestone year, or general when the year is empty).</summary>
    Objective,
    /// <summary>Tổ chức thực hiện: who monitors, who reports to whom and how often.</summary>
    Implementation,
    /// <summary>Nơi nhận.</summary>
    Recipient,
}

public sealed class PlanSection
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan Plan { get; set; } = null!;

    public PlanSectionKind Kind { get; set; }

    public int Order { get; set; }

    public int? MilestoneYear { get; set; }

    public required string Text { get; set; }

    /// <summary>For implementation clauses: to whom the bodies report.</summary>
    public string? ReportsTo { get; set; }

    /// <summary>For implementation clauses: how often ("hằng năm", "định kỳ").</summary>
    public string? Frequency { get; set; }
}

/// <summary>A numbered group of tasks (nhóm nhiệm vụ, giải pháp).</summary>
public sealed class PlanTaskGroup
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan Plan { get; set; } = null!;

    public required string Number { get; set; }

    public required string Title { get; set; }

    public int Order { get; set; }

    /// <summary>False once a later revision of the document no longer has the group.</summary>
    public bool IsActive { get; set; } = true;

    public List<PlanTask> Tasks { get; set; } = [];
}

/// <summary>A task (nhiệm vụ) with its bodies and timing.</summary>
public sealed class PlanTask : IVersioned
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public Plan Plan { get; set; } = null!;

    public int GroupId { get; set; }

    public PlanTaskGroup Group { get; set; } = null!;

    public required string Number { get; set; }

    public required string Text { get; set; }

    public int Order { get; set; }

    public TimingKind TimingKind { get; set; }

    public string? TimingText { get; set; }

    /// <summary>Deadline of a dated task (the last day of the year or quarter when only those are given).</summary>
    public DateOnly? DueDate { get; set; }

    public int? FromYear { get; set; }

    public int? ToYear { get; set; }

    /// <summary>Why a person must look at this task (no body stated, bodies read from a sentence…).</summary>
    public string? ReviewReason { get; set; }

    /// <summary>The parent plan's task this one carries down.</summary>
    public int? ParentTaskId { get; set; }

    public PlanTask? ParentTask { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public List<PlanTaskBody> Bodies { get; set; } = [];

    public List<PlanAssignment> Assignments { get; set; } = [];
}

/// <summary>The part a body plays in a task.</summary>
public enum BodyRole
{
    /// <summary>Cơ quan chỉ đạo.</summary>
    Directing,
    /// <summary>Cơ quan chủ trì tham mưu.</summary>
    Lead,
    /// <summary>Cơ quan tổ chức thực hiện.</summary>
    Implementing,
}

/// <summary>
/// A body named by a task, as written, and the organisation it resolved to. A group phrase gives one
/// row per member; a name nobody could match keeps a row with no organisation, so it stays on the
/// plan's review list instead of vanishing.
/// </summary>
public sealed class PlanTaskBody
{
    public int Id { get; set; }

    public int TaskId { get; set; }

    public PlanTask Task { get; set; } = null!;

    public BodyRole Role { get; set; }

    /// <summary>The name as the document writes it.</summary>
    public required string Mention { get; set; }

    /// <summary>The normalised name the resolver and the aliases key on.</summary>
    public required string MentionKey { get; set; }

    public int? OrganizationId { get; set; }

    public Organizations.Organization? Organization { get; set; }

    /// <summary>How the name was matched: exact, alias, abbreviation, fuzzy, group:&lt;key&gt;, or unmatched.</summary>
    public required string Resolution { get; set; }

    public int Order { get; set; }
}
