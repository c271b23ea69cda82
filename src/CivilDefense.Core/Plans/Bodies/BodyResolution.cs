namespace CivilDefense.Core.Plans.Bodies;

/// <summary>What a body name in a plan turned out to be. <see cref="How"/> explains it to the person reviewing the import.</summary>
public abstract record BodyResolution(string Mention, string How);

/// <summary>One organisation of the registry; <see cref="Score"/> 1 for the same name, lower for looser matches.</summary>
public sealed record MatchedBody(string Mention, int OrganizationId, double Score, string How) : BodyResolution(Mention, How);

/// <summary>A group phrase standing for several organisations (possibly none yet in the registry).</summary>
public sealed record GroupBody(string Mention, string GroupKey, IReadOnlyList<int> MemberIds, string How) : BodyResolution(Mention, How);

/// <summary>Not matched: goes to the review list with the closest organisations, best first (at most three).</summary>
public sealed record UnmatchedBody(string Mention, IReadOnlyList<BodySuggestion> Suggestions, string How) : BodyResolution(Mention, How);

public sealed record BodySuggestion(int OrganizationId, string Name, double Score);
