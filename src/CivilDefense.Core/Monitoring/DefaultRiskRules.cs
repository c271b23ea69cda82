namespace CivilDefense.Core.Monitoring;

/// <summary>
/// The rule rows MISSION.md states of Decision 18/2021/QĐ-TTg (in force 1/7/2021). Only what is
/// stated there: the rest of the tables were not verified here and are left for the province to
/// enter, each row with its source.
/// </summary>
public static class DefaultRiskRules
{
    private const string Decision = "QĐ 18/2021/QĐ-TTg";
    private static readonly DateOnly InForce = new(2021, 7, 1);

    public static IReadOnlyList<RiskRule> For(int unitId) =>
    [
        // Floods (Art. 45): zones 1-3, one basin, BĐ1 ≤ H < BĐ2 → level 1.
        new() { UnitId = unitId, Hazard = Hazard.Flood, Level = 1, ZoneFrom = 1, ZoneTo = 3, LowerAlarm = AlarmLevel.Bd1, UpperAlarm = AlarmLevel.Bd2, LegalSource = $"{Decision}, Điều 45 (Art. 45)", ValidFrom = InForce },
        // Zones 1-2, BĐ3 ≤ H < BĐ3 + 1 m → level 2.
        new() { UnitId = unitId, Hazard = Hazard.Flood, Level = 2, ZoneFrom = 1, ZoneTo = 2, LowerAlarm = AlarmLevel.Bd3, UpperAlarm = AlarmLevel.Bd3, UpperOffset = 1, LegalSource = $"{Decision}, Điều 45 (Art. 45)", ValidFrom = InForce },
        // Heavy rain level 1: 100-200 mm in 24 h, or 50-100 mm in 12 h.
        new() { UnitId = unitId, Hazard = Hazard.HeavyRain, Level = 1, WindowHours = 24, MinValue = 100, MaxValue = 200, LegalSource = $"{Decision} (mưa lớn, cấp 1)", ValidFrom = InForce },
        new() { UnitId = unitId, Hazard = Hazard.HeavyRain, Level = 1, WindowHours = 12, MinValue = 50, MaxValue = 100, LegalSource = $"{Decision} (mưa lớn, cấp 1)", ValidFrom = InForce },
        // Concurrent hazards: one level up, two where serious damage is likely; at most 5.
        new() { UnitId = unitId, Hazard = Hazard.Concurrent, Level = 1, MaxLevel = 5, LegalSource = $"{Decision} (thiên tai đồng thời)", ValidFrom = InForce },
        new() { UnitId = unitId, Hazard = Hazard.Concurrent, Level = 2, MaxLevel = 5, RequiresSeriousDamage = true, LegalSource = $"{Decision} (thiên tai đồng thời, có khả năng gây thiệt hại nghiêm trọng)", ValidFrom = InForce },
    ];
}
