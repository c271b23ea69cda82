using CivilDefense.Core.Readiness;

namespace CivilDefense.Core.Tests.Readiness;

public sealed class ScorecardEngineTests
{
    private static UnitFacts FloodCommune(double lifeJackets = 120, double boats = 1, double pumps = 2) => new()
    {
        UnitId = 7,
        Code = "00007",
        Name = "Xã Bảy",
        Population = 10_000,
        Profiles = new Dictionary<HazardProfile, int?> { [HazardProfile.FloodProne] = 4_000 },
        Equipment = new Dictionary<string, double>
        {
            [ReadinessMetrics.LifeJacket] = lifeJackets,
            [ReadinessMetrics.Boat] = boats,
            [ReadinessMetrics.Pump] = pumps,
        },
        CommandBoardComplete = true,
        DutyRosterFilled = false,
    };

    private static readonly NormRule[] Norms =
    [
        new(HazardProfile.General, "command_board_complete", 1, Weight: 2),
        new(HazardProfile.General, "duty_roster_filled", 1, Weight: 1),
        new(HazardProfile.General, "boats_per_commune", 1, Weight: 1),
        new(HazardProfile.FloodProne, "boats_per_commune", 3, Weight: 2),
        new(HazardProfile.FloodProne, "life_jackets_per_1000_flood_residents", 50, Weight: 2),
        new(HazardProfile.FloodProne, "pumps_per_commune", 2, Weight: 1),
        new(HazardProfile.Coastal, "boats_per_commune", 10, Weight: 1),
    ];

    [Fact]
    public void Scores_components_as_weighted_ratios_with_the_gaps_that_cause_them()
    {
        var card = ScorecardEngine.Score(FloodCommune(), Norms);

        // Life jackets 120 of 50 × 4,000 / 1,000 = 200 (0.6, weight 2); boats 1 of 3 (flood beats general; weight 2); pumps 2 of 2.
        var means = card.Component(ReadinessComponent.MeansAndMaterials);
        Assert.Equal(57.3, means.Score);
        Assert.Equal(["Boats: 1 of 3 required (33%)", "Life jackets: 120 of 200 required (60%)"], means.Gaps.Select(g => g.Message).Order());

        // Board complete (weight 2), roster not filled (weight 1): 2/3.
        var command = card.Component(ReadinessComponent.Command);
        Assert.Equal(66.7, command.Score);
        Assert.Equal("Duty roster filled for the next 7 days: no", Assert.Single(command.Gaps).Message);

        Assert.Null(card.Component(ReadinessComponent.Forces).Score);
        Assert.Null(card.Component(ReadinessComponent.Logistics).Score);
        Assert.Equal(62.0, card.Overall);
        Assert.Equal(ReadinessStatus.Partial, card.Status);
        Assert.Equal(3, card.GapCount);
    }

    [Fact]
    public void A_unit_without_a_profile_is_held_only_to_the_general_norms()
    {
        var facts = FloodCommune() with { Profiles = new Dictionary<HazardProfile, int?>() };
        var means = ScorecardEngine.Score(facts, Norms).Component(ReadinessComponent.MeansAndMaterials);

        var boats = Assert.Single(means.Metrics);
        Assert.Equal(("boats_per_commune", 1.0, 1.0), (boats.MetricKey, boats.Required, boats.Ratio));
        Assert.Equal(100, means.Score);
    }

    [Fact]
    public void A_deeper_owner_overrides_the_same_norm_of_a_shallower_one()
    {
        NormRule[] norms =
        [
            new(HazardProfile.General, "boats_per_commune", 1, OwnerDepth: 2, NormId: 1),
            new(HazardProfile.General, "boats_per_commune", 4, OwnerDepth: 3, NormId: 2),
        ];
        var boats = Assert.Single(ScorecardEngine.Score(FloodCommune(), norms).Component(ReadinessComponent.MeansAndMaterials).Metrics);

        Assert.Equal((4.0, 0.25, (int?)2), (boats.Required, boats.Ratio, boats.NormId));
    }

    [Fact]
    public void Rice_is_counted_in_person_days_of_the_residents_at_risk()
    {
        // 4,000 at risk × 3 days = 12,000 person-days; 3,000 kg ÷ 0.5 kg = 6,000.
        var facts = FloodCommune() with { Supplies = new Dictionary<string, double> { [ReadinessMetrics.FoodKg] = 3_000 } };
        var card = ScorecardEngine.Score(facts, [new(HazardProfile.General, "rice_person_days", 3)]);

        var rice = Assert.Single(card.Component(ReadinessComponent.Logistics).Metrics);
        Assert.Equal((12_000.0, 6_000.0, 50.0), (rice.Required, rice.Actual, card.Overall!.Value));
        Assert.Equal(ReadinessStatus.Partial, card.Status);
    }

    [Fact]
    public void Nothing_required_scores_full_and_no_norms_is_unknown()
    {
        var none = ScorecardEngine.Score(FloodCommune(), []);
        Assert.Equal((null, ReadinessStatus.Unknown), (none.Overall, none.Status));

        var zero = ScorecardEngine.Score(FloodCommune(), [new(HazardProfile.General, "pumps_per_commune", 0)]);
        Assert.Equal((100.0, ReadinessStatus.Ready), (zero.Overall!.Value, zero.Status));
    }

    [Theory]
    [InlineData(49.9, ReadinessStatus.NotReady)]
    [InlineData(50, ReadinessStatus.Partial)]
    [InlineData(80, ReadinessStatus.Ready)]
    public void Status_thresholds(double score, ReadinessStatus expected) =>
        Assert.Equal(expected, ScorecardEngine.StatusOf(score));

    [Fact]
    public void Roll_up_weighs_by_population_and_counts_by_status()
    {
        var ready = ScorecardEngine.Score(FloodCommune() with { UnitId = 1, Population = 1_000 }, [new(HazardProfile.General, "pumps_per_commune", 2)]);
        var notReady = ScorecardEngine.Score(FloodCommune(pumps: 0) with { UnitId = 2, Population = 3_000 }, [new(HazardProfile.General, "pumps_per_commune", 2)]);
        var unknown = ScorecardEngine.Score(FloodCommune() with { UnitId = 3, Population = 50_000 }, []);

        var rollup = ReadinessRollup.Combine([ready, notReady, unknown]);

        // (100 × 1,000 + 0 × 3,000) / 4,000; the unit without norms is counted, not averaged.
        Assert.Equal(25.0, rollup.Overall);
        Assert.Equal(25.0, rollup.Components[ReadinessComponent.MeansAndMaterials]);
        Assert.Null(rollup.Components[ReadinessComponent.Command]);
        Assert.Equal((3, 54_000L, 1, 0, 1, 1), (rollup.Units, rollup.Population, rollup.Ready, rollup.Partial, rollup.NotReady, rollup.Unknown));
    }

    [Fact]
    public void The_shipped_default_norms_name_known_metrics_and_the_demo_profiles_load()
    {
        var norms = DefaultNorms.Load();
        Assert.Contains(norms, n => n is { Profile: HazardProfile.FloodProne, MetricKey: "life_jackets_per_1000_flood_residents" });
        Assert.All(norms, n => Assert.False(string.IsNullOrWhiteSpace(n.Source)));
        Assert.Equal(norms.Count, norms.Select(n => (n.Profile, n.MetricKey)).Distinct().Count());

        var profiles = DefaultNorms.LoadDemoProfiles();
        Assert.Contains(profiles, p => p is { Code: "27793", Profile: HazardProfile.Border }); // Bình Hiệp border gate
        Assert.DoesNotContain(profiles, p => p is { Code: "25459", Profile: HazardProfile.Border }); // Phường Tân Ninh, provincial centre
    }

    [Fact]
    public void The_roster_is_filled_only_without_gaps()
    {
        var from = new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = from.AddDays(2);
        Assert.True(ReadinessFacts.Covers([(from.AddHours(-2), from.AddDays(1)), (from.AddDays(1), to.AddHours(1))], from, to));
        Assert.False(ReadinessFacts.Covers([(from, from.AddDays(1)), (from.AddDays(1).AddMinutes(1), to)], from, to));
        Assert.False(ReadinessFacts.Covers([], from, to));
    }
}
