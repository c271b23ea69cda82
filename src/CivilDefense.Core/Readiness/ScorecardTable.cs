using System.Globalization;

namespace CivilDefense.Core.Readiness;

/// <summary>A scorecard report as a flat table (one row per commune): the CLI's CSV/XLSX and any export.</summary>
public static class ScorecardTable
{
    public static readonly IReadOnlyList<string> Header =
        ["code", "name", "population", "status", "overall", "command", "forces", "means_and_materials", "logistics", "gap_count", "gaps"];

    public static IEnumerable<IReadOnlyList<string?>> Rows(ScorecardReport report) =>
        report.Cards.Select(c => (IReadOnlyList<string?>)
        [
            c.Code, c.Name, c.Population.ToString(CultureInfo.InvariantCulture), c.Status.ToString(), Number(c.Overall),
            Number(c.Component(ReadinessComponent.Command).Score), Number(c.Component(ReadinessComponent.Forces).Score),
            Number(c.Component(ReadinessComponent.MeansAndMaterials).Score), Number(c.Component(ReadinessComponent.Logistics).Score),
            c.GapCount.ToString(CultureInfo.InvariantCulture),
            string.Join("; ", c.Components.SelectMany(x => x.Gaps).Select(g => g.Message)),
        ]);

    private static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
