using CivilDefense.Core.Monitoring;

namespace CivilDefense.Core.Tests.Monitoring;

public sealed class RiskEngineTests
{
    private static readonly DateTime At = new(2025, 10, 20, 6, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlyList<RiskRule> Rules = DefaultRiskRules.For(1);
    private static readonly StationFacts MocHoa = new("Mộc Hóa", 1, new AlarmLevels(1.2, null, 2.0, "test"));

    private static Reading[] Water(params double[] values) =>
        values.Select((v, i) => new Reading(At.AddMinutes(-5 * (values.Length - 1 - i)), StationVariable.WaterLevel, v)).ToArray();

    private static Reading[] RainEveryHour(int hours, double mmPerHour) =>
        Enumerable.Range(0, hours).Select(i => new Reading(At.AddHours(-i), StationVariable.Rainfall, mmPerHour)).ToArray();

    [Fact]
    public void Evaluate_MocHoaAboveBd3InZone1_GivesLevel2WithTheExplanation()
    {
        var result = RiskEngine.Evaluate(MocHoa, Water(1.95, 2.03, 2.01), Rules, At);

        Assert.Equal((2, Hazard.Flood), (result.Level, result.Hazard));
        Assert.Equal("Mộc Hóa 2.03 m ≥ BĐ3 2.00 m, zone 1, one basin → level 2, QĐ 18/2021/QĐ-TTg, Điều 45 (Art. 45)", result.ExplanationEn);
        Assert.StartsWith("Mộc Hóa 2,03 m ≥ BĐ3 2,00 m, vùng 1, một lưu vực → cấp 2", result.ExplanationVi);
    }

    [Theory]
    [InlineData(0.99, 0)]
    [InlineData(1.00, 1)]
    [InlineData(1.49, 1)]
    [InlineData(1.50, 1)]
    [InlineData(2.00, 2)]
    [InlineData(2.99, 2)]
    public void Evaluate_AllLevelsKnown_EachRangeGivesItsLevel(double peak, int expected)
    {
        // Between BĐ2 and BĐ3 the stated rows end: the level is at least the one below (the unverified rows are not invented).
        var station = new StationFacts("Tân Châu", 1, new AlarmLevels(1.0, 1.5, 2.0, "test"));

        Assert.Equal(expected, RiskEngine.Evaluate(station, Water(peak), Rules, At).Level);
    }

    [Fact]
    public void Evaluate_AboveBd3PlusOneMetre_IsAtLeastLevel2()
    {
        var result = RiskEngine.Evaluate(MocHoa, Water(3.10), Rules, At);

        Assert.Equal(2, result.Level);
        Assert.Contains("at least level 2", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_NoAlarmLevels_NoLevelAndSaysWhy()
    {
        var result = RiskEngine.Evaluate(new StationFacts("Tân An", 1, AlarmLevels.None), Water(1.88), Rules, At);

        Assert.Null(result.Level);
        Assert.Contains("no alarm levels known", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_ZoneUnknown_NoLevelAndSaysWhy()
    {
        var result = RiskEngine.Evaluate(MocHoa with { Zone = null }, Water(2.5), Rules, At);

        Assert.Null(result.Level);
        Assert.Contains("zone is unknown", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_BelowBd3WhereBd2IsUnknown_CannotSayAndNamesTheMissingLevel()
    {
        // Mộc Hóa between BĐ1 and BĐ3: level 1 needs BĐ2 as its upper bound, which is unknown.
        var result = RiskEngine.Evaluate(MocHoa, Water(1.5), Rules, At);

        Assert.Null(result.Level);
        Assert.Contains("BĐ2", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_Zone3_Bd3RuleIsForZones1And2Only()
    {
        var station = new StationFacts("X", 3, new AlarmLevels(1.0, 1.5, 2.0, "test"));

        Assert.Equal(1, RiskEngine.Evaluate(station, Water(2.5), Rules, At).Level);
    }

    [Fact]
    public void Evaluate_PeakIsTheHighestReadingInTheLastHourOnly()
    {
        var readings = new[] { new Reading(At.AddHours(-2), StationVariable.WaterLevel, 2.5), new Reading(At, StationVariable.WaterLevel, 1.9) };

        Assert.Null(RiskEngine.Evaluate(MocHoa, readings, Rules, At).Level);
    }

    [Theory]
    [InlineData(24, 4.0, 0)]
    [InlineData(24, 4.2, 1)]
    [InlineData(12, 4.2, 1)]
    [InlineData(6, 8.4, 1)]
    [InlineData(12, 4.0, 0)]
    public void Evaluate_HeavyRain_Level1From100mmIn24hOr50mmIn12h(int hours, double perHour, int expected)
    {
        var station = new StationFacts("Mưa", null, AlarmLevels.None);

        var result = RiskEngine.Evaluate(station, RainEveryHour(hours, perHour), Rules, At);

        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void Evaluate_RainAbove200mm_IsAtLeastLevel1()
    {
        var result = RiskEngine.Evaluate(new StationFacts("Mưa", null, AlarmLevels.None), RainEveryHour(24, 10), Rules, At);

        Assert.Equal(1, result.Level);
        Assert.Contains("at least level 1", result.ExplanationEn);
    }

    [Fact]
    public void Evaluate_FloodAndHeavyRainTogether_RaiseByOne_OrTwoWhenSeriousDamageLikely()
    {
        Reading[] readings = [.. Water(2.2), .. RainEveryHour(24, 5)];

        var plain = RiskEngine.Evaluate(MocHoa, readings, Rules, At);
        var serious = RiskEngine.Evaluate(MocHoa, readings, Rules, At, seriousDamageLikely: true);

        Assert.Equal((3, Hazard.Flood), (plain.Level, plain.Hazard));
        Assert.Contains("2 + 1 = 3", plain.ExplanationEn);
        Assert.Equal(4, serious.Level);
    }

    [Fact]
    public void Evaluate_ConcurrentIncrease_IsCappedAtTheMaximum()
    {
        var rules = Rules.Select(r => r.Hazard == Hazard.Concurrent ? new RiskRule { Hazard = Hazard.Concurrent, Level = r.Level, RequiresSeriousDamage = r.RequiresSeriousDamage, MaxLevel = 3, LegalSource = "test" } : r).ToList();

        var result = RiskEngine.Evaluate(MocHoa, [.. Water(2.2), .. RainEveryHour(24, 5)], rules, At, seriousDamageLikely: true);

        Assert.Equal(3, result.Level);
    }

    [Fact]
    public void Evaluate_AutoIssueRule_MarksTheAssessment()
    {
        var rules = Rules.Select(r => r.Hazard == Hazard.Flood && r.Level == 2 ? new RiskRule { Hazard = Hazard.Flood, Level = 2, ZoneFrom = 1, ZoneTo = 2, LowerAlarm = AlarmLevel.Bd3, UpperAlarm = AlarmLevel.Bd3, UpperOffset = 1, AutoIssue = true, LegalSource = "test" } : r).ToList();

        Assert.True(RiskEngine.Evaluate(MocHoa, Water(2.2), rules, At).AutoIssue);
        Assert.False(RiskEngine.Evaluate(MocHoa, Water(2.2), Rules, At).AutoIssue);
    }
}
