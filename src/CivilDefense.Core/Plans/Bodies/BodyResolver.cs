namespace CivilDefense.Core.Plans.Bodies;

// INTERIM: replaced by the resolver from branch plans-parser when it lands; exact names and group phrases only.
public abstract record BodyResolution
{
    public sealed record Matched(int OrganizationId, string How, double Score) : BodyResolution;

    public sealed record Group(string GroupKey, IReadOnlyList<int> MemberIds) : BodyResolution;

    public sealed record Unmatched(IReadOnlyList<Suggestion> Suggestions) : BodyResolution;

    public sealed record Suggestion(int OrganizationId, double Score);
}

public sealed class BodyResolver(IReadOnlyList<KnownOrganization> registry, IReadOnlyList<GroupPhrase> groups, IReadOnlyDictionary<string, int> aliases)
{
    public BodyResolution Resolve(string mention, int? planUnitId)
    {
        var key = BodyNames.Key(mention);
        if (aliases.TryGetValue(key, out var aliased))
        {
            return new BodyResolution.Matched(aliased, "alias", 1);
        }

        if (GroupPhrases.Match(key, groups) is { } group)
        {
            return new BodyResolution.Group(group.Phrase.Key, registry.Where(o => group.Phrase.Includes(o, group.Level)).Select(o => o.Id).ToList());
        }

        var exact = registry.FirstOrDefault(o => BodyNames.Key(o.Name) == key);
        return exact is null ? new BodyResolution.Unmatched([]) : new BodyResolution.Matched(exact.Id, "exact", 1);
    }
}
