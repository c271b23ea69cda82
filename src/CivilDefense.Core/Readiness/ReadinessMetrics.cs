using CivilDefense.Core.Resources;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// How one metric turns a norm's target and a unit's facts into "required" and "has".
/// <see cref="Required"/> gets the facts, the profile the norm was set for and the target.
/// </summary>
public sealed record MetricDefinition(
    string Key,
    ReadinessComponent Component,
    string Label,
    string MeasureUnit,
    Func<UnitFacts, HazardProfile, double, double> Required,
    Func<UnitFacts, double> Actual,
    bool IsFlag = false);

/// <summary>
/// The metrics a norm can name. Adding one is a code change (it says how to count); its target,
/// weight and the profiles it applies to are data (<see cref="ReadinessNorm"/>).
/// </summary>
public static class ReadinessMetrics
{
    // Registry categories the metrics count: equipment by EquipmentCategory, supplies by SupplyCategory
    // (food in kg, drinking water in litres, sandbags in bags; see ReadinessFacts for the conversions).
    public const string Boat = nameof(EquipmentCategory.Boat);
    public const string Pump = nameof(EquipmentCategory.Pump);
    public const string Generator = nameof(EquipmentCategory.Generator);
    public const string LifeJacket = nameof(EquipmentCategory.LifeJacket);
    public const string FireEngine = nameof(EquipmentCategory.FireEngine);
    public const string Sandbags = nameof(SupplyCategory.Sandbags);
    public const string FoodKg = nameof(SupplyCategory.Food);
    public const string DrinkingWaterLitres = nameof(SupplyCategory.DrinkingWater);

    /// <summary>Rice ration: 15 kg per person per month, the emergency food relief of Decree 20/2021/NĐ-CP.</summary>
    public const double RiceKgPerPersonDay = 0.5;

    /// <summary>Drinking water: 3 litres per person per day (Sphere Handbook, 2018: 2.5–3 l for drinking and food).</summary>
    public const double WaterLitresPerPersonDay = 3;

    private static double PerThousand(int residents, double target) => target * residents / 1000.0;

    private static double Flag(bool value) => value ? 1 : 0;

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new("command_board_complete", ReadinessComponent.Command, "Command board complete", "yes/no",
            (_, _, t) => t, f => Flag(f.CommandBoardComplete), IsFlag: true),
        new("duty_roster_filled", ReadinessComponent.Command, "Duty roster filled for the next 7 days", "yes/no",
            (_, _, t) => t, f => Flag(f.DutyRosterFilled), IsFlag: true),
        new("plan_in_force", ReadinessComponent.Command, "Civil-defense plan in force", "yes/no",
            (_, _, t) => t, f => Flag(f.PlanInForce), IsFlag: true),
        new("forces_headcount_per_1000_residents", ReadinessComponent.Forces, "Force members", "members",
            (f, p, t) => PerThousand(f.Exposed(p), t), f => f.ForcesHeadcount),
        new("trained_members_per_force", ReadinessComponent.Forces, "Certified members", "members",
            (f, _, t) => t * Math.Max(1, f.Forces), f => f.TrainedMembers),
        new("life_jackets_per_1000_flood_residents", ReadinessComponent.MeansAndMaterials, "Life jackets", "pieces",
            (f, _, t) => PerThousand(f.Exposed(HazardProfile.FloodProne), t), f => f.EquipmentOf(LifeJacket)),
        new("boats_per_commune", ReadinessComponent.MeansAndMaterials, "Boats", "boats",
            (_, _, t) => t, f => f.EquipmentOf(Boat)),
        new("pumps_per_commune", ReadinessComponent.MeansAndMaterials, "Pumps", "pumps",
            (_, _, t) => t, f => f.EquipmentOf(Pump)),
        new("generators_per_commune", ReadinessComponent.MeansAndMaterials, "Generators", "generators",
            (_, _, t) => t, f => f.EquipmentOf(Generator)),
        new("fire_engines_per_commune", ReadinessComponent.MeansAndMaterials, "Fire engines", "vehicles",
            (_, _, t) => t, f => f.EquipmentOf(FireEngine)),
        new("sandbags_per_commune", ReadinessComponent.MeansAndMaterials, "Sandbags", "bags",
            (_, _, t) => t, f => f.SuppliesOf(Sandbags)),
        new("rice_person_days", ReadinessComponent.Logistics, "Rice stock", "person-days",
            (f, _, t) => t * f.ResidentsAtRisk, f => f.SuppliesOf(FoodKg) / RiceKgPerPersonDay),
        new("drinking_water_person_days", ReadinessComponent.Logistics, "Drinking water", "person-days",
            (f, _, t) => t * f.ResidentsAtRisk, f => f.SuppliesOf(DrinkingWaterLitres) / WaterLitresPerPersonDay),
        new("shelter_places_share", ReadinessComponent.Logistics, "Shelter places", "places",
            (f, _, t) => t / 100.0 * f.Population, f => f.ShelterPlaces),
        new("logistics_points_per_commune", ReadinessComponent.Logistics, "Logistics points", "points",
            (_, _, t) => t, f => f.LogisticsPoints),
    ];

    private static readonly Dictionary<string, MetricDefinition> ByKey = All.ToDictionary(m => m.Key, StringComparer.Ordinal);

    public static MetricDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}
