using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Import;

/// <summary>
/// A plan's content in one comparable shape, built either from a resolved document or from the
/// stored records, so that a re-import can say exactly what differs (see <see cref="PlanDiff"/>).
/// </summary>
public sealed record PlanSnapshot(
    PlanHeader Header,
    IReadOnlyList<SectionSnapshot> Sections,
    IReadOnlyList<GroupSnapshot> Groups,
    IReadOnlyList<TaskSnapshot> Tasks)
{
    public int AssignmentCount => Tasks.Sum(t => t.AssignedOrganizationIds().Count);
}

public sealed record PlanHeader(
    string? Kind,
    string? NumberSymbol,
    string Title,
    string? IssuingBody,
    DateOnly? IssuedOn,
    string? IssuedAt,
    string? Signer,
    string? SignerTitle,
    bool IsNarrative);

public sealed record SectionSnapshot(PlanSectionKind Kind, int? MilestoneYear, string Text, string? ReportsTo, string? Frequency);

public sealed record GroupSnapshot(string Number, string Title);

public sealed record TaskSnapshot(
    string GroupNumber,
    string Number,
    string Text,
    TimingKind TimingKind,
    string? TimingText,
    DateOnly? DueDate,
    int? FromYear,
    int? ToYear,
    string? ReviewReason,
    IReadOnlyList<BodySnapshot> Bodies)
{
    /// <summary>
    /// Who reports on the task: its implementing bodies, or its lead bodies when the document names
    /// no implementer (the lead then carries it out itself).
    /// </summary>
    public IReadOnlyList<int> AssignedOrganizationIds() => AssignedOrganizations(Bodies.Select(b => (b.Role, b.OrganizationId)));

    /// <summary>The same rule over stored body rows (see <see cref="AssignmentReconciler"/>).</summary>
    public static IReadOnlyList<int> AssignedOrganizations(IEnumerable<(BodyRole Role, int? OrganizationId)> bodies)
    {
        var all = bodies.ToList();
        var implementing = all.Where(b => b.Role == BodyRole.Implementing).ToList();
        var source = implementing.Count > 0 ? implementing : all.Where(b => b.Role == BodyRole.Lead).ToList();
        return source.Where(b => b.OrganizationId is not null).Select(b => b.OrganizationId!.Value).Distinct().ToList();
    }
}

/// <summary>One body of a task; a group phrase appears once per member, an unmatched name once with no organisation.</summary>
public sealed record BodySnapshot(BodyRole Role, string Mention, string MentionKey, int? OrganizationId, string Resolution);
