using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Plans.Bodies;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Import;

/// <summary>
/// The registry as the plan's unit sees it (its own organisations, those of its subtree and of
/// the units above it that the actor can read) with the unit's confirmed aliases, and the
/// resolver over them. One per import: mentions repeat, so outcomes are memoised.
/// </summary>
internal sealed class PlanBodyResolution
{
    internal sealed record Outcome(string Key, IReadOnlyList<int> OrganizationIds, string Resolution, IReadOnlyList<BodySuggestion> Suggestions);

    private readonly BodyResolver _resolver;
    private readonly int _unitId;
    private readonly Dictionary<string, Outcome> _memo = new(StringComparer.Ordinal);

    private PlanBodyResolution(BodyResolver resolver, int unitId)
    {
        (_resolver, _unitId) = (resolver, unitId);
    }

    public static async Task<PlanBodyResolution> LoadAsync(PtdsDbContext db, int unitId, CancellationToken ct)
    {
        var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync(ct);
        var rows = await db.Organizations.AsNoTracking()
            .Where(o => o.IsActive && (o.Unit.Path.StartsWith(unitPath) || unitPath.StartsWith(o.Unit.Path)))
            .Select(o => new { o.Id, o.Name, o.ShortName, o.Kind, o.UnitId, UnitKind = o.Unit.Kind, UnitName = o.Unit.Name, UnitPath = o.Unit.Path })
            .ToListAsync(ct);
        var registry = rows
            .Select(o => new KnownOrganization(o.Id, o.Name, o.ShortName, o.Kind, o.UnitId, UnitLevels.LevelOf(o.UnitKind), o.UnitName, o.UnitPath))
            .ToList();
        var aliases = await db.BodyAliases.AsNoTracking()
            .Where(a => a.UnitId == unitId)
            .ToDictionaryAsync(a => a.MentionKey, a => a.OrganizationId, StringComparer.Ordinal, ct);
        return new PlanBodyResolution(new BodyResolver(registry, GroupPhrases.Default, aliases), unitId);
    }

    /// <summary>The resolver explains a match in a sentence; the body row keeps it short.</summary>
    private static string Short(string how) => how.Length <= 100 ? how : how[..100];

    public Outcome Resolve(string mention)
    {
        var key = BodyNames.Key(mention);
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var outcome = _resolver.Resolve(mention, _unitId) switch
        {
            MatchedBody m => new Outcome(key, [m.OrganizationId], Short(m.How), []),
            GroupBody g => new Outcome(key, g.MemberIds, "group:" + g.GroupKey, []),
            UnmatchedBody u => new Outcome(key, [], "unmatched", u.Suggestions.Select(s => new BodySuggestion(s.OrganizationId, s.Name, s.Score)).ToList()),
            _ => throw new InvalidOperationException("Unknown resolution."),
        };
        _memo[key] = outcome;
        return outcome;
    }
}
