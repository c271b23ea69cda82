using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Plans.Bodies;

/// <summary>
/// A collective such as "các sở, ban, ngành" that stands for a set of organisations. The splitter
/// keeps its text whole in a body list (its commas are not separators); the resolver expands it to
/// the organisations of <see cref="Kinds"/> at <see cref="UnitLevels"/> whose name starts with one of
/// <see cref="NamePrefixes"/> (any name when empty).
/// </summary>
public sealed record GroupPhrase(
    string Key,
    string Phrase,
    string Description,
    IReadOnlyList<string> Variants,
    IReadOnlyList<OrganizationKind> Kinds,
    IReadOnlyList<int> UnitLevels,
    IReadOnlyList<string> NamePrefixes)
{
    /// <summary>The phrase and its variants as written.</summary>
    public IEnumerable<string> Forms => Variants.Prepend(Phrase);

    /// <summary>Whether <paramref name="org"/> is one of the organisations this phrase stands for, at <paramref name="level"/> when given.</summary>
    public bool Includes(KnownOrganization org, int? level = null)
    {
        if (!IncludesKindAndLevel(org, level))
        {
            return false;
        }

        return IncludesName(BodyNames.Key(org.Name));
    }

    private string[]? _prefixKeys;
    private string[]? _formKeys;

    /// <summary>The <see cref="BodyNames.Key"/> of every form, computed once.</summary>
    internal IReadOnlyList<string> FormKeys => _formKeys ??= Forms.Select(BodyNames.Key).Distinct().ToArray();

    /// <summary>The name test alone, on a name already turned into its <see cref="BodyNames.Key"/>.</summary>
    internal bool IncludesName(string nameKey)
    {
        _prefixKeys ??= NamePrefixes.Select(BodyNames.Key).ToArray();
        return _prefixKeys.Length == 0 || _prefixKeys.Any(p => nameKey.StartsWith(p, StringComparison.Ordinal));
    }

    internal bool IncludesKindAndLevel(KnownOrganization org, int? level) =>
        Kinds.Contains(org.Kind) && UnitLevels.Contains(org.UnitLevel) && (level is null || org.UnitLevel == level);
}
