namespace CivilDefense.Core.Readiness;

/// <summary>A norm as the engine needs it; <see cref="OwnerDepth"/> lets a province's norm override a national one.</summary>
public sealed record NormRule(
    HazardProfile Profile,
    string MetricKey,
    double Target,
    double Weight = 1,
    int OwnerDepth = 1,
    int? NormId = null);

/// <summary>One metric of one unit: what the norm requires, what the unit has, and the ratio (capped at 1).</summary>
public sealed record MetricResult(
    string MetricKey,
    string Label,
    ReadinessComponent Component,
    HazardProfile Profile,
    string MeasureUnit,
    double Target,
    double Weight,
    double Required,
    double Actual,
    double Ratio,
    bool IsFlag,
    int? NormId)
{
    public bool IsGap => Ratio < 1;

    /// <summary>"Life jackets: 120 of 450 required (27%)", or "Duty roster filled for the next 7 days: no".</summary>
    public string Message => IsFlag
        ? $"{Label}: {(Actual >= 1 ? "yes" : "no")}"
        : $"{Label}: {Format(Actual)} of {Format(Required)} required ({Math.Floor(Ratio * 100):0}%)";

    public static string Format(double value) =>
        Math.Round(value).ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One component's score (null when no norm applies) and the metrics behind it.</summary>
public sealed record ComponentScore(ReadinessComponent Component, double? Score, IReadOnlyList<MetricResult> Metrics)
{
    public IEnumerable<MetricResult> Gaps => Metrics.Where(m => m.IsGap);
}

/// <summary>Ready (≥ 80), partly ready (≥ 50), not ready (&lt; 50), or unknown when no norm applies.</summary>
public enum ReadinessStatus
{
    Unknown,
    NotReady,
    Partial,
    Ready,
}

/// <summary>A unit's scorecard: the four components, the overall score and its status.</summary>
public sealed record Scorecard(
    int UnitId,
    string Code,
    string Name,
    int Population,
    IReadOnlyList<HazardProfile> Profiles,
    double? Overall,
    ReadinessStatus Status,
    IReadOnlyList<ComponentScore> Components)
{
    public int GapCount => Components.Sum(c => c.Gaps.Count());

    public ComponentScore Component(ReadinessComponent component) => Components.Single(c => c.Component == component);
}
