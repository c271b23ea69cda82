using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;
using static CivilDefense.Core.Resources.Registry.RegistryFormat;

namespace CivilDefense.Core.Shelters;

public sealed record ShelterInput(
    [property: Required] int UnitId,
    int? OwnerOrganizationId,
    [property: Required] ShelterKind Kind,
    BuildingUse? BuildingUse,
    [property: Required, StringLength(250, MinimumLength = 1)] string Name,
    [property: Range(0, 1_000_000)] int Capacity,
    double? Latitude,
    double? Longitude,
    [property: Range(0, 200)] int? FloorsAboveFloodLevel = null,
    bool HasWater = false,
    bool HasPower = false,
    bool HasToilets = false,
    bool HasMedical = false,
    bool IsAccessible = false,
    AssetCondition Condition = AssetCondition.Good,
    DateOnly? LastInspectedOn = null,
    [property: StringLength(250)] string? OwnerName = null,
    [property: StringLength(300)] string? Address = null,
    [property: StringLength(1000)] string? Note = null,
    int Version = 0) : IRegistryInput, ILocatedInput;

public sealed record ShelterView(
    int Id, int UnitId, string UnitCode, string UnitName, int? OwnerOrganizationId, ShelterKind Kind, BuildingUse? BuildingUse, string Name,
    int Capacity, double? Latitude, double? Longitude, int? FloorsAboveFloodLevel, bool HasWater, bool HasPower, bool HasToilets, bool HasMedical,
    bool IsAccessible, AssetCondition Condition, DateOnly? LastInspectedOn, string? OwnerName, string? Address, string? Note, int Version) : IRegistryView;

/// <summary>Civil-defense works and shelters (công trình PTDS, nơi trú ẩn).</summary>
public sealed class ShelterRegistry : RegistryKind<Shelter, ShelterInput, ShelterView>
{
    public static ShelterRegistry Instance { get; } = new();

    public override string Name => "shelters";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "kind", "building_use", "name", "capacity", "latitude", "longitude", "floors_above_flood_level", "has_water", "has_power", "has_toilets",
        "has_medical", "is_accessible", "condition", "last_inspected_on", "owner_name", "address", "note",
    ];

    public override IQueryable<Shelter> Set(PtdsDbContext db) => db.Shelters;

    public override Expression<Func<Shelter, ShelterView>> Projection { get; } = s => new ShelterView(
        s.Id, s.UnitId, s.Unit.Code, s.Unit.FullName, s.OwnerOrganizationId, s.Kind, s.BuildingUse, s.Name, s.Capacity, s.Latitude, s.Longitude,
        s.FloorsAboveFloodLevel, s.HasWater, s.HasPower, s.HasToilets, s.HasMedical, s.IsAccessible, s.Condition, s.LastInspectedOn,
        s.OwnerName, s.Address, s.Note, s.Version);

    public override Shelter New() => new() { Name = "" };

    public override void Apply(ShelterInput input, Shelter entity)
    {
        entity.UnitId = input.UnitId;
        entity.OwnerOrganizationId = input.OwnerOrganizationId;
        entity.Kind = input.Kind;
        entity.BuildingUse = input.BuildingUse;
        entity.Name = input.Name.Trim();
        entity.Capacity = input.Capacity;
        entity.Latitude = input.Latitude;
        entity.Longitude = input.Longitude;
        entity.FloorsAboveFloodLevel = input.FloorsAboveFloodLevel;
        entity.HasWater = input.HasWater;
        entity.HasPower = input.HasPower;
        entity.HasToilets = input.HasToilets;
        entity.HasMedical = input.HasMedical;
        entity.IsAccessible = input.IsAccessible;
        entity.Condition = input.Condition;
        entity.LastInspectedOn = input.LastInspectedOn;
        entity.OwnerName = RegistryChecks.Blank(input.OwnerName);
        entity.Address = RegistryChecks.Blank(input.Address);
        entity.Note = RegistryChecks.Blank(input.Note);
    }

    public override Expression<Func<Shelter, bool>> Search(string term) =>
        s => s.Name.ToLower().Contains(term) || (s.Address != null && s.Address.ToLower().Contains(term));

    public override Expression<Func<Shelter, bool>>? Category(string value) =>
        Enum.TryParse<ShelterKind>(value, true, out var kind) ? s => s.Kind == kind : null;

    public override IReadOnlyList<string?> ToRow(ShelterView v) =>
    [
        v.Kind.ToString(), v.BuildingUse?.ToString(), v.Name, Of(v.Capacity), Of(v.Latitude), Of(v.Longitude), Of(v.FloorsAboveFloodLevel),
        Of(v.HasWater), Of(v.HasPower), Of(v.HasToilets), Of(v.HasMedical), Of(v.IsAccessible), v.Condition.ToString(), Of(v.LastInspectedOn),
        v.OwnerName, v.Address, v.Note,
    ];

    public override ShelterInput FromRow(RegistryRow r) => new(
        r.UnitId("unit_code"), r.Integer("owner_organization_id"), r.RequiredChoice<ShelterKind>("kind"), r.Choice<BuildingUse>("building_use"),
        r.Required("name"), r.Integer("capacity") ?? 0, r.Number("latitude"), r.Number("longitude"), r.Integer("floors_above_flood_level"),
        r.Flag("has_water"), r.Flag("has_power"), r.Flag("has_toilets"), r.Flag("has_medical"), r.Flag("is_accessible"),
        r.Choice<AssetCondition>("condition") ?? AssetCondition.Good, r.Date("last_inspected_on"), r.Text("owner_name"), r.Text("address"), r.Text("note"));
}
