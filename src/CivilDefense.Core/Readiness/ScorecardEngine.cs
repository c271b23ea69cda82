namespace CivilDefense.Core.Readiness;

/// <summary>
/// Scores a unit against its norms, with no I/O. For each metric the applicable norm is chosen:
/// only norms of the unit's profiles (and General) count; for one profile and metric the deepest
/// owner wins (a province overrides the national default); across profiles the strictest
/// requirement wins (a flood-prone commune needs the flood number of boats, not the general one).
/// A metric's ratio is has ÷ required, capped at 1 (nothing required: 1); a component's score is
/// the weighted mean of its ratios × 100; the overall score is the plain mean of the components
/// that have norms, since the four on-the-spot components are equally necessary.
/// </summary>
public static class ScorecardEngine
{
    public const double ReadyFrom = 80;
    public const double PartialFrom = 50;

    public static Scorecard Score(UnitFacts facts, IEnumerable<NormRule> norms)
    {
        var profiles = facts.Profiles.Keys.Append(HazardProfile.General).Distinct().Order().ToList();
        var chosen = norms
            .Where(n => profiles.Contains(n.Profile) && ReadinessMetrics.Find(n.MetricKey) is not null)
            .GroupBy(n => (n.Profile, n.MetricKey))
            .Select(g => g.OrderByDescending(n => n.OwnerDepth).ThenBy(n => n.NormId ?? 0).First())
            .Select(n => Evaluate(facts, n))
            .GroupBy(r => r.MetricKey)
            .Select(g => g.OrderByDescending(r => r.Required).ThenBy(r => r.Profile).First())
            .ToList();

        var components = Enum.GetValues<ReadinessComponent>()
            .Select(c => ScoreComponent(c, chosen.Where(r => r.Component == c).OrderBy(r => r.Ratio).ThenBy(r => r.MetricKey, StringComparer.Ordinal).ToList()))
            .ToList();
        var scored = components.Where(c => c.Score is not null).Select(c => c.Score!.Value).ToList();
        double? overall = scored.Count == 0 ? null : Math.Round(scored.Average(), 1);
        return new Scorecard(facts.UnitId, facts.Code, facts.Name, facts.Population, profiles, overall, StatusOf(overall), components);
    }

    public static ReadinessStatus StatusOf(double? score) => score switch
    {
        null => ReadinessStatus.Unknown,
        >= ReadyFrom => ReadinessStatus.Ready,
        >= PartialFrom => ReadinessStatus.Partial,
        _ => ReadinessStatus.NotReady,
    };

    private static MetricResult Evaluate(UnitFacts facts, NormRule norm)
    {
        var metric = ReadinessMetrics.Find(norm.MetricKey)!;
        var required = Math.Max(0, metric.Required(facts, norm.Profile, norm.Target));
        var actual = Math.Max(0, metric.Actual(facts));
        var ratio = required <= 0 ? 1 : Math.Min(1, actual / required);
        return new MetricResult(metric.Key, metric.Label, metric.Component, norm.Profile, metric.MeasureUnit, norm.Target, norm.Weight,
            required, actual, ratio, metric.IsFlag, norm.NormId);
    }

    private static ComponentScore ScoreComponent(ReadinessComponent component, IReadOnlyList<MetricResult> metrics)
    {
        var weight = metrics.Sum(m => Math.Max(0, m.Weight));
        double? score = weight <= 0 ? null : Math.Round(100 * metrics.Sum(m => Math.Max(0, m.Weight) * m.Ratio) / weight, 1);
        return new ComponentScore(component, score, metrics);
    }
}
