using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Import;

/// <summary>An uploaded plan document.</summary>
public sealed record PlanFile(string FileName, byte[] Content);

public enum PlanImportOutcome
{
    /// <summary>No plan of this unit has this number (or title and date): a new plan.</summary>
    New,
    /// <summary>The stored plan already says exactly this: nothing to do.</summary>
    Unchanged,
    /// <summary>The stored plan differs: the import becomes its next revision.</summary>
    Amended,
}

/// <summary>What an import would do, shown before anything is written.</summary>
public sealed record PlanImportPreview(
    PlanImportOutcome Outcome,
    int? ExistingPlanId,
    int Revision,
    int UnitId,
    PlanSnapshot Plan,
    IReadOnlyDictionary<int, string> OrganizationNames,
    IReadOnlyList<ReviewItem> Review,
    IReadOnlyList<TaskReview> TasksToReview,
    IReadOnlyList<PlanChange> Changes,
    IReadOnlyList<ParseNote> Notes,
    string ContentHash)
{
    public int GroupCount => Plan.Groups.Count;

    public int TaskCount => Plan.Tasks.Count;

    public int AssignmentCount => Plan.AssignmentCount;
}

/// <summary>A body name that matched no organisation, with where it occurs and the closest candidates.</summary>
public sealed record ReviewItem(string Mention, string MentionKey, IReadOnlyList<string> TaskNumbers, IReadOnlyList<BodySuggestion> Suggestions);

public sealed record BodySuggestion(int OrganizationId, string Name, double Score);

/// <summary>A task a person must look at, and why.</summary>
public sealed record TaskReview(string Number, string Reason);

/// <summary>
/// A user's answer for a name on the review list: an existing organisation, or a new one to create.
/// The answer is kept as an alias of the plan's unit, so the same name resolves next time.
/// </summary>
public sealed record BodyDecision(string MentionKey, int? OrganizationId, NewBodyOrganization? Create);

public sealed record NewBodyOrganization(string Name, OrganizationKind Kind, int UnitId, string? ShortName);

public sealed record PlanImportResult(
    int PlanId,
    PlanImportOutcome Outcome,
    int Revision,
    int Groups,
    int Tasks,
    int Assignments,
    int Unresolved,
    IReadOnlyList<PlanChange> Changes);
