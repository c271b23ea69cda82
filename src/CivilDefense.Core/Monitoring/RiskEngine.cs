using System.Globalization;

namespace CivilDefense.Core.Monitoring;

/// <summary>A value as the engine reads it.</summary>
public readonly record struct Reading(DateTime At, StationVariable Variable, double Value);

/// <summary>What the engine knows of a station when it evaluates it.</summary>
public sealed record StationFacts(string Name, int? Zone, AlarmLevels Alarms);

/// <summary>One hazard's result: a level (null when it cannot be computed) and why, in both languages.</summary>
public sealed record HazardFinding(Hazard Hazard, int? Level, string ExplanationVi, string ExplanationEn, bool AutoIssue = false);

/// <summary>
/// The station's risk level: the highest hazard level after the concurrent-hazards rule, or null
/// when no hazard could be computed. The explanation joins the findings.
/// </summary>
public sealed record RiskAssessment(int? Level, Hazard? Hazard, bool AutoIssue, IReadOnlyList<HazardFinding> Findings)
{
    public string ExplanationVi => string.Join("; ", Findings.Select(f => f.ExplanationVi));

    public string ExplanationEn => string.Join("; ", Findings.Select(f => f.ExplanationEn));
}

/// <summary>
/// Computes disaster risk levels (Decision 18/2021/QĐ-TTg) from a station's recent readings and
/// the rule table. Pure: no clock, no database; the caller passes the rules in force, the readings
/// and the time of evaluation (the station's latest observation).
/// </summary>
public static class RiskEngine
{
    /// <summary>The flood level is read from the peak water level over this window before the evaluation time.</summary>
    public static readonly TimeSpan PeakWindow = TimeSpan.FromHours(1);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static RiskAssessment Evaluate(StationFacts station, IReadOnlyList<Reading> readings, IReadOnlyList<RiskRule> rules, DateTime at, bool seriousDamageLikely = false)
    {
        var findings = new List<HazardFinding>();
        if (readings.Any(r => r.Variable == StationVariable.WaterLevel))
        {
            findings.Add(Flood(station, readings, rules.Where(r => r.Hazard == Hazard.Flood).ToList(), at));
        }

        if (readings.Any(r => r.Variable == StationVariable.Rainfall))
        {
            findings.Add(HeavyRain(station, readings, rules.Where(r => r.Hazard == Hazard.HeavyRain).ToList(), at));
        }

        var known = findings.Where(f => f.Level is > 0).OrderByDescending(f => f.Level).ToList();
        if (known.Count == 0)
        {
            var anyKnown = findings.Any(f => f.Level is not null);
            return new RiskAssessment(anyKnown ? 0 : null, null, false, findings);
        }

        var top = known[0];
        if (known.Count >= 2 && Concurrent(known, rules.Where(r => r.Hazard == Hazard.Concurrent).ToList(), seriousDamageLikely) is { } raised)
        {
            findings.Add(raised);
            return new RiskAssessment(raised.Level, top.Hazard, raised.AutoIssue || top.AutoIssue, findings);
        }

        return new RiskAssessment(top.Level, top.Hazard, top.AutoIssue, findings);
    }

    /// <summary>Flood: the peak water level against the station's alarm levels, for rules of the station's zone.</summary>
    private static HazardFinding Flood(StationFacts station, IReadOnlyList<Reading> readings, List<RiskRule> rules, DateTime at)
    {
        var window = readings.Where(r => r.Variable == StationVariable.WaterLevel && r.At > at - PeakWindow && r.At <= at).ToList();
        if (window.Count == 0)
        {
            return new(Hazard.Flood, null, $"{station.Name}: không có số liệu mực nước trong 1 giờ qua", $"{station.Name}: no water level in the last hour");
        }

        var peak = window.Max(r => r.Value);
        var h = $"{station.Name} {M(peak, Vi)}";
        var hEn = $"{station.Name} {M(peak, En)}";
        if (station.Alarms.Bd1 is null && station.Alarms.Bd2 is null && station.Alarms.Bd3 is null)
        {
            return new(Hazard.Flood, null, $"{h}: trạm chưa có mức báo động → không tính cấp độ", $"{hEn}: no alarm levels known for the station → no level computed");
        }

        if (station.Zone is not { } zone)
        {
            return new(Hazard.Flood, null, $"{h}: chưa xác định vùng của trạm → không tính cấp độ", $"{hEn}: the station's zone is unknown → no level computed");
        }

        var inZone = rules.Where(r => (r.ZoneFrom is null || r.ZoneFrom <= zone) && (r.ZoneTo is null || zone <= r.ZoneTo)).ToList();
        (RiskRule Rule, double Lower, string LowerName)? best = null;
        (RiskRule Rule, double Lower, string LowerName)? floor = null;
        var unknown = new List<RiskRule>();
        foreach (var rule in inZone)
        {
            var lower = Bound(station.Alarms, rule.LowerAlarm, rule.LowerOffset, double.NegativeInfinity);
            var upper = Bound(station.Alarms, rule.UpperAlarm, rule.UpperOffset, double.PositiveInfinity);
            if (lower is null || upper is null)
            {
                unknown.Add(rule);
                continue;
            }

            var lowerName = BoundName(rule.LowerAlarm, rule.LowerOffset);
            if (lower <= peak && peak < upper && (best is null || rule.Level > best.Value.Rule.Level))
            {
                best = (rule, lower.Value, lowerName);
            }
            else if (lower <= peak && (floor is null || rule.Level > floor.Value.Rule.Level))
            {
                floor = (rule, lower.Value, lowerName);
            }
        }

        var zoneText = $"vùng {zone}, một lưu vực";
        var zoneEn = $"zone {zone}, one basin";
        if (best is { } b && (floor is null || b.Rule.Level >= floor.Value.Rule.Level))
        {
            return new(Hazard.Flood, b.Rule.Level,
                $"{h} ≥ {b.LowerName} {M(b.Lower, Vi)}, {zoneText} → cấp {b.Rule.Level}, {b.Rule.LegalSource}",
                $"{hEn} ≥ {b.LowerName} {M(b.Lower, En)}, {zoneEn} → level {b.Rule.Level}, {b.Rule.LegalSource}",
                b.Rule.AutoIssue);
        }

        if (floor is { } f)
        {
            // Above the top of every range the table gives for this zone: the level is at least this one.
            return new(Hazard.Flood, f.Rule.Level,
                $"{h} ≥ {f.LowerName} {M(f.Lower, Vi)}, {zoneText}, vượt các ngưỡng trong bảng → ít nhất cấp {f.Rule.Level}, {f.Rule.LegalSource}",
                $"{hEn} ≥ {f.LowerName} {M(f.Lower, En)}, {zoneEn}, above every range in the table → at least level {f.Rule.Level}, {f.Rule.LegalSource}",
                f.Rule.AutoIssue);
        }

        if (unknown.Count > 0)
        {
            var missing = string.Join(", ", unknown.SelectMany(r => new[] { r.LowerAlarm, r.UpperAlarm })
                .OfType<AlarmLevel>().Where(a => station.Alarms.Of(a) is null).Distinct().Order().Select(a => BoundName(a, 0)));
            return new(Hazard.Flood, null,
                $"{h}: thiếu mức {missing} của trạm → không tính được cấp độ",
                $"{hEn}: the station's {missing} unknown → no level computed");
        }

        if (inZone.Count == 0)
        {
            return new(Hazard.Flood, null, $"{h}: không có quy tắc lũ cho vùng {zone}", $"{hEn}: no flood rule for zone {zone}");
        }

        return new(Hazard.Flood, 0, $"{h} dưới mọi ngưỡng, {zoneText} → không có rủi ro lũ", $"{hEn} below every threshold, {zoneEn} → no flood risk");
    }

    /// <summary>Heavy rain: rain summed over each rule's window ending at the evaluation time.</summary>
    private static HazardFinding HeavyRain(StationFacts station, IReadOnlyList<Reading> readings, List<RiskRule> rules, DateTime at)
    {
        if (rules.Count == 0)
        {
            return new(Hazard.HeavyRain, null, $"{station.Name}: không có quy tắc mưa lớn", $"{station.Name}: no heavy-rain rule");
        }

        (RiskRule Rule, double Sum)? best = null;
        (RiskRule Rule, double Sum)? floor = null;
        double? shown = null;
        var shownHours = 0;
        foreach (var rule in rules.Where(r => r.WindowHours is > 0 && r.MinValue is not null))
        {
            var hours = rule.WindowHours!.Value;
            var sum = readings.Where(r => r.Variable == StationVariable.Rainfall && r.At > at.AddHours(-hours) && r.At <= at).Sum(r => r.Value);
            if (shown is null || hours > shownHours)
            {
                (shown, shownHours) = (sum, hours);
            }

            var max = rule.MaxValue ?? double.PositiveInfinity;
            if (rule.MinValue <= sum && sum < max && (best is null || rule.Level > best.Value.Rule.Level))
            {
                best = (rule, sum);
            }
            else if (rule.MinValue <= sum && (floor is null || rule.Level > floor.Value.Rule.Level))
            {
                floor = (rule, sum);
            }
        }

        if (best is { } b && (floor is null || b.Rule.Level >= floor.Value.Rule.Level))
        {
            return new(Hazard.HeavyRain, b.Rule.Level,
                $"{station.Name} mưa {Mm(b.Sum, Vi)} trong {b.Rule.WindowHours} giờ ≥ {Mm(b.Rule.MinValue!.Value, Vi)} → cấp {b.Rule.Level}, {b.Rule.LegalSource}",
                $"{station.Name} rain {Mm(b.Sum, En)} in {b.Rule.WindowHours} h ≥ {Mm(b.Rule.MinValue!.Value, En)} → level {b.Rule.Level}, {b.Rule.LegalSource}",
                b.Rule.AutoIssue);
        }

        if (floor is { } f)
        {
            return new(Hazard.HeavyRain, f.Rule.Level,
                $"{station.Name} mưa {Mm(f.Sum, Vi)} trong {f.Rule.WindowHours} giờ, vượt các ngưỡng trong bảng → ít nhất cấp {f.Rule.Level}, {f.Rule.LegalSource}",
                $"{station.Name} rain {Mm(f.Sum, En)} in {f.Rule.WindowHours} h, above every range in the table → at least level {f.Rule.Level}, {f.Rule.LegalSource}",
                f.Rule.AutoIssue);
        }

        return new(Hazard.HeavyRain, 0,
            $"{station.Name} mưa {Mm(shown ?? 0, Vi)} trong {shownHours} giờ, dưới ngưỡng mưa lớn",
            $"{station.Name} rain {Mm(shown ?? 0, En)} in {shownHours} h, below the heavy-rain thresholds");
    }

    /// <summary>Several hazards at once raise the highest level by the rule's increment, capped.</summary>
    private static HazardFinding? Concurrent(List<HazardFinding> known, List<RiskRule> rules, bool seriousDamageLikely)
    {
        var rule = rules.Where(r => !r.RequiresSeriousDamage || seriousDamageLikely).OrderByDescending(r => r.Level).FirstOrDefault();
        if (rule is null)
        {
            return null;
        }

        var top = known[0].Level!.Value;
        var level = Math.Min(top + rule.Level, rule.MaxLevel);
        var names = string.Join(" + ", known.Select(k => $"{k.Hazard} {k.Level}"));
        return new(Hazard.Concurrent, level,
            $"{known.Count} loại thiên tai đồng thời ({names}) → cấp {top} + {rule.Level} = {level} (tối đa {rule.MaxLevel}), {rule.LegalSource}",
            $"{known.Count} concurrent hazards ({names}) → level {top} + {rule.Level} = {level} (at most {rule.MaxLevel}), {rule.LegalSource}",
            rule.AutoIssue);
    }

    /// <summary>An alarm level plus offset; the open end when the rule names none; null when the station lacks that level.</summary>
    private static double? Bound(AlarmLevels alarms, AlarmLevel? alarm, double offset, double open) =>
        alarm is { } a ? alarms.Of(a) + offset : open;

    private static string BoundName(AlarmLevel? alarm, double offset) => alarm switch
    {
        null => "",
        { } a when offset == 0 => $"BĐ{(int)a}",
        { } a => string.Create(En, $"BĐ{(int)a}{offset:+0.##;-0.##} m"),
    };

    private static string M(double metres, CultureInfo culture) => metres.ToString("0.00", culture) + " m";

    private static string Mm(double mm, CultureInfo culture) => mm.ToString("0.#", culture) + " mm";
}
