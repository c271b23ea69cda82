namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// What a plan document says, as read by <see cref="PlanDocumentParser"/>, before any name is
/// resolved against the organisation registry. Pure data: the import compares it with the stored
/// plan and turns it into records.
/// </summary>
public sealed record ParsedPlan
{
    /// <summary>Document kind as written ("Kế hoạch", "Chỉ thị"…); null when the document does not say.</summary>
    public string? Kind { get; init; }

    /// <summary>Number and symbol, e.g. "83-KH/TU"; null when the document does not carry one.</summary>
    public string? NumberSymbol { get; init; }

    public string? IssuingBody { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public string? IssuedAt { get; init; }

    public string? Signer { get; init; }

    /// <summary>The signature block's title lines, e.g. "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ".</summary>
    public string? SignerTitle { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Purposes { get; init; } = [];

    public IReadOnlyList<string> Requirements { get; init; } = [];

    public IReadOnlyList<string> Viewpoints { get; init; } = [];

    public IReadOnlyList<ParsedObjective> Objectives { get; init; } = [];

    public IReadOnlyList<ParsedTaskGroup> Groups { get; init; } = [];

    /// <summary>The "Tổ chức thực hiện" section, one clause per numbered item.</summary>
    public IReadOnlyList<ParsedImplementationClause> Implementation { get; init; } = [];

    /// <summary>"Nơi nhận" lines, without the trailing "(báo cáo)" notes.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>True for a narrative text (a news article) whose groups come from its structure.</summary>
    public bool IsNarrative { get; init; }

    /// <summary>Irregularities noticed and repaired (joined paragraphs, stray characters…), for the preview.</summary>
    public IReadOnlyList<ParseNote> Notes { get; init; } = [];

    public int TaskCount => Groups.Sum(g => g.Tasks.Count);
}

/// <summary>An objective; <see cref="MilestoneYear"/> null for the general objective.</summary>
public sealed record ParsedObjective(int? MilestoneYear, string Text);

/// <summary>A numbered group of tasks ("1. Nâng cao năng lực…"). A group without sub-tasks holds one task of its own text.</summary>
public sealed record ParsedTaskGroup(string Number, string Title, IReadOnlyList<ParsedTask> Tasks, int Line);

/// <summary>
/// One task with its bodies as the document writes them. Body lists are already split into
/// single mentions (group phrases such as "các huyện ủy, thị ủy, thành ủy" kept whole).
/// </summary>
public sealed record ParsedTask(
    string Number,
    string Text,
    IReadOnlyList<string> Directing,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Implementing,
    ParsedTiming Timing,
    int Line)
{
    /// <summary>Why this task needs a person to look at it (no bodies stated, bodies from a sentence…); null when it does not.</summary>
    public string? ReviewReason { get; init; }
}

public enum TimingKind
{
    /// <summary>No timing line.</summary>
    Unspecified,
    /// <summary>"Thường xuyên", "hằng năm".</summary>
    Recurring,
    /// <summary>A day: "trước ngày 30/6/2024".</summary>
    Date,
    /// <summary>A year: "năm 2025", "quý IV/2025" counts as its year with the date.</summary>
    Year,
    /// <summary>"2023 - 2025", "giai đoạn 2026-2030".</summary>
    Period,
}

public sealed record ParsedTiming(TimingKind Kind, string? Text, DateOnly? Date = null, int? FromYear = null, int? ToYear = null)
{
    public static ParsedTiming None { get; } = new(TimingKind.Unspecified, null);
}

/// <summary>An item of "Tổ chức thực hiện": who does what, who monitors, to whom and how often they report.</summary>
public sealed record ParsedImplementationClause(
    string Text,
    IReadOnlyList<string> Bodies,
    string? ReportsTo,
    string? Frequency);

public sealed record ParseNote(int Line, string Message);
