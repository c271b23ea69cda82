namespace CivilDefense.Core.Readiness;

/// <summary>
/// What a unit has and is, as the scorecard engine needs it: census figures, hazard profiles and
/// the registry aggregated (only equipment in good condition, only supplies not expired).
/// Equipment and supplies are keyed by the categories in <see cref="ReadinessMetrics"/>.
/// </summary>
public sealed record UnitFacts
{
    public required int UnitId { get; init; }

    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public int Population { get; init; }

    public int Households { get; init; }

    /// <summary>The unit's profiles with the residents exposed to each (null: the whole population).</summary>
    public IReadOnlyDictionary<HazardProfile, int?> Profiles { get; init; } = new Dictionary<HazardProfile, int?>();

    public int Forces { get; init; }

    public int ForcesHeadcount { get; init; }

    /// <summary>Members holding at least one certification (swimming, first aid, boat handling…).</summary>
    public int TrainedMembers { get; init; }

    public IReadOnlyDictionary<string, double> Equipment { get; init; } = new Dictionary<string, double>();

    public IReadOnlyDictionary<string, double> Supplies { get; init; } = new Dictionary<string, double>();

    public int ShelterPlaces { get; init; }

    public int LogisticsPoints { get; init; }

    public bool CommandBoardComplete { get; init; }

    public bool DutyRosterFilled { get; init; }

    /// <summary>Plans come from the plans capability; until it says so, a unit has none in force.</summary>
    public bool PlanInForce { get; init; }

    /// <summary>Residents exposed to a profile: its recorded figure, the population when unknown, 0 when the profile does not apply.</summary>
    public int Exposed(HazardProfile profile) =>
        Profiles.TryGetValue(profile, out var exposed) ? exposed ?? Population
        : profile == HazardProfile.General ? Population : 0;

    /// <summary>Residents who may have to be evacuated and fed: the largest exposure of any specific profile, else everyone.</summary>
    public int ResidentsAtRisk =>
        Profiles.Keys.Where(p => p != HazardProfile.General).Select(Exposed).DefaultIfEmpty(Population).Max();

    public double EquipmentOf(string category) => Equipment.GetValueOrDefault(category);

    public double SuppliesOf(string category) => Supplies.GetValueOrDefault(category);
}
