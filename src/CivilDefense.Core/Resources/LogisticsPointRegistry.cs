using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources.Registry;
using static CivilDefense.Core.Resources.Registry.RegistryFormat;

namespace CivilDefense.Core.Resources;

public sealed record LogisticsPointInput(
    [property: Required] int UnitId,
    int? OwnerOrganizationId,
    [property: Required] LogisticsPointKind Kind,
    [property: Required, StringLength(250, MinimumLength = 1)] string Name,
    double? Latitude,
    double? Longitude,
    [property: StringLength(300)] string? CapacityNote = null,
    int Version = 0) : IRegistryInput, ILocatedInput;

public sealed record LogisticsPointView(
    int Id, int UnitId, string UnitCode, string UnitName, int? OwnerOrganizationId, LogisticsPointKind Kind, string Name,
    double? Latitude, double? Longitude, string? CapacityNote, int Version) : IRegistryView;

/// <summary>Logistics points (điểm hậu cần): depots, kitchens, medical and fuel points.</summary>
public sealed class LogisticsPointRegistry : RegistryKind<LogisticsPoint, LogisticsPointInput, LogisticsPointView>
{
    public static LogisticsPointRegistry Instance { get; } = new();

    public override string Name => "logistics-points";

    public override IReadOnlyList<string> Columns { get; } = ["kind", "name", "latitude", "longitude", "capacity_note"];

    public override IQueryable<LogisticsPoint> Set(PtdsDbContext db) => db.LogisticsPoints;

    public override Expression<Func<LogisticsPoint, LogisticsPointView>> Projection { get; } = p => new LogisticsPointView(
        p.Id, p.UnitId, p.Unit.Code, p.Unit.FullName, p.OwnerOrganizationId, p.Kind, p.Name, p.Latitude, p.Longitude, p.CapacityNote, p.Version);

    public override LogisticsPoint New() => new() { Name = "" };

    public override void Apply(LogisticsPointInput input, LogisticsPoint entity)
    {
        entity.UnitId = input.UnitId;
        entity.OwnerOrganizationId = input.OwnerOrganizationId;
        entity.Kind = input.Kind;
        entity.Name = input.Name.Trim();
        entity.Latitude = input.Latitude;
        entity.Longitude = input.Longitude;
        entity.CapacityNote = RegistryChecks.Blank(input.CapacityNote);
    }

    public override Expression<Func<LogisticsPoint, bool>> Search(string term) => p => p.Name.ToLower().Contains(term);

    public override Expression<Func<LogisticsPoint, bool>>? Category(string value) =>
        Enum.TryParse<LogisticsPointKind>(value, true, out var kind) ? p => p.Kind == kind : null;

    public override IReadOnlyList<string?> ToRow(LogisticsPointView v) => [v.Kind.ToString(), v.Name, Of(v.Latitude), Of(v.Longitude), v.CapacityNote];

    public override LogisticsPointInput FromRow(RegistryRow r) => new(
        r.UnitId("unit_code"), r.Integer("owner_organization_id"), r.RequiredChoice<LogisticsPointKind>("kind"), r.Required("name"),
        r.Number("latitude"), r.Number("longitude"), r.Text("capacity_note"));
}
