namespace CivilDefense.Core.Readiness;

/// <summary>Scores of a unit's sub-units combined: population-weighted means and counts by status.</summary>
public sealed record RollupResult(
    int Units,
    long Population,
    double? Overall,
    IReadOnlyDictionary<ReadinessComponent, double?> Components,
    int Ready,
    int Partial,
    int NotReady,
    int Unknown);

/// <summary>
/// Rolls commune scorecards up to a province (or any parent): each component and the overall
/// score are means weighted by population, so a ward of 80,000 weighs more than a commune of
/// 8,000; a unit without population figures weighs as one person. Units without a score are
/// counted, not averaged.
/// </summary>
public static class ReadinessRollup
{
    public static RollupResult Combine(IReadOnlyCollection<Scorecard> cards)
    {
        static double? Weighted(IEnumerable<(double? Score, int Population)> values)
        {
            var scored = values.Where(v => v.Score is not null).ToList();
            if (scored.Count == 0)
            {
                return null;
            }

            var weight = scored.Sum(v => (double)Math.Max(1, v.Population));
            return Math.Round(scored.Sum(v => v.Score!.Value * Math.Max(1, v.Population)) / weight, 1);
        }

        var components = Enum.GetValues<ReadinessComponent>()
            .ToDictionary(c => c, c => Weighted(cards.Select(s => (s.Component(c).Score, s.Population))));
        return new RollupResult(
            cards.Count,
            cards.Sum(c => (long)c.Population),
            Weighted(cards.Select(c => (c.Overall, c.Population))),
            components,
            cards.Count(c => c.Status == ReadinessStatus.Ready),
            cards.Count(c => c.Status == ReadinessStatus.Partial),
            cards.Count(c => c.Status == ReadinessStatus.NotReady),
            cards.Count(c => c.Status == ReadinessStatus.Unknown));
    }
}
