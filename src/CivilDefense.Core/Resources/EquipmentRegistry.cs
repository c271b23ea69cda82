using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Resources.Registry;
using Microsoft.EntityFrameworkCore;
using static CivilDefense.Core.Resources.Registry.RegistryFormat;

namespace CivilDefense.Core.Resources;

/// <summary>An equipment lot as given; a private lot names its owner (it may be requisitioned).</summary>
public sealed record EquipmentLotInput(
    [property: Required] int UnitId,
    int? OwnerOrganizationId,
    [property: Required] int EquipmentTypeId,
    [property: Range(0, int.MaxValue)] int Quantity,
    AssetCondition Condition,
    [property: StringLength(300)] string? Location,
    double? Latitude,
    double? Longitude,
    DateOnly? MaintenanceDue,
    bool IsPrivate = false,
    [property: StringLength(200)] string? PrivateOwnerName = null,
    [property: RegularExpression(ContactFormats.Phone)] string? PrivateOwnerPhone = null,
    [property: StringLength(1000)] string? Note = null,
    int Version = 0) : IRegistryInput, ILocatedInput;

public sealed record EquipmentLotView(
    int Id, int UnitId, string UnitCode, string UnitName, int? OwnerOrganizationId, int EquipmentTypeId, string TypeCode, string TypeName,
    EquipmentCategory Category, int Quantity, string UnitOfMeasure, AssetCondition Condition, string? Location, double? Latitude, double? Longitude,
    DateOnly? MaintenanceDue, bool IsPrivate, string? PrivateOwnerName, string? PrivateOwnerPhone, string? Note, int Version) : IRegistryView;

/// <summary>Equipment and vehicles (phương tiện, trang thiết bị) by lot.</summary>
public sealed class EquipmentRegistry : RegistryKind<EquipmentLot, EquipmentLotInput, EquipmentLotView>
{
    public static EquipmentRegistry Instance { get; } = new();

    public override string Name => "equipment";

    public override IReadOnlyList<string> Columns { get; } =
        ["type_code", "quantity", "condition", "location", "latitude", "longitude", "maintenance_due", "is_private", "private_owner_name", "private_owner_phone", "note"];

    public override IQueryable<EquipmentLot> Set(PtdsDbContext db) => db.EquipmentLots;

    public override Expression<Func<EquipmentLot, EquipmentLotView>> Projection { get; } = l => new EquipmentLotView(
        l.Id, l.UnitId, l.Unit.Code, l.Unit.FullName, l.OwnerOrganizationId, l.EquipmentTypeId, l.EquipmentType.Code, l.EquipmentType.NameVi,
        l.EquipmentType.Category, l.Quantity, l.EquipmentType.UnitOfMeasure, l.Condition, l.Location, l.Latitude, l.Longitude,
        l.MaintenanceDue, l.IsPrivate, l.PrivateOwnerName, l.PrivateOwnerPhone, l.Note, l.Version);

    public override EquipmentLot New() => new();

    public override void Apply(EquipmentLotInput input, EquipmentLot entity)
    {
        entity.UnitId = input.UnitId;
        entity.OwnerOrganizationId = input.OwnerOrganizationId;
        entity.EquipmentTypeId = input.EquipmentTypeId;
        entity.Quantity = input.Quantity;
        entity.Condition = input.Condition;
        entity.Location = RegistryChecks.Blank(input.Location);
        entity.Latitude = input.Latitude;
        entity.Longitude = input.Longitude;
        entity.MaintenanceDue = input.MaintenanceDue;
        entity.IsPrivate = input.IsPrivate;
        entity.PrivateOwnerName = input.IsPrivate ? RegistryChecks.Blank(input.PrivateOwnerName) : null;
        entity.PrivateOwnerPhone = input.IsPrivate ? RegistryChecks.Blank(input.PrivateOwnerPhone) : null;
        entity.Note = RegistryChecks.Blank(input.Note);
    }

    public override Expression<Func<EquipmentLot, bool>> Search(string term) =>
        l => l.EquipmentType.NameVi.ToLower().Contains(term) || l.EquipmentType.NameEn.ToLower().Contains(term)
            || (l.Location != null && l.Location.ToLower().Contains(term)) || (l.PrivateOwnerName != null && l.PrivateOwnerName.ToLower().Contains(term));

    public override Expression<Func<EquipmentLot, bool>>? Category(string value) =>
        Enum.TryParse<EquipmentCategory>(value, true, out var category) ? l => l.EquipmentType.Category == category : null;

    public override async Task<Error?> CheckAsync(PtdsDbContext db, EquipmentLotInput input, CancellationToken ct)
    {
        if (!await db.EquipmentTypes.AnyAsync(t => t.Id == input.EquipmentTypeId, ct))
        {
            return ValidationError.ForField(nameof(EquipmentLotInput.EquipmentTypeId), "No such equipment type.");
        }

        return input.IsPrivate && string.IsNullOrWhiteSpace(input.PrivateOwnerName)
            ? ValidationError.ForField(nameof(EquipmentLotInput.PrivateOwnerName), "A private asset needs its owner's name.")
            : null;
    }

    public override IReadOnlyList<string?> ToRow(EquipmentLotView v) =>
        [v.TypeCode, Of(v.Quantity), v.Condition.ToString(), v.Location, Of(v.Latitude), Of(v.Longitude), Of(v.MaintenanceDue),
            Of(v.IsPrivate), v.PrivateOwnerName, v.PrivateOwnerPhone, v.Note];

    public override EquipmentLotInput FromRow(RegistryRow r) => new(
        r.UnitId("unit_code"), r.Integer("owner_organization_id"), r.EquipmentTypeId("type_code"), r.Integer("quantity") ?? 0,
        r.Choice<AssetCondition>("condition") ?? AssetCondition.Good, r.Text("location"), r.Number("latitude"), r.Number("longitude"),
        r.Date("maintenance_due"), r.Flag("is_private"), r.Text("private_owner_name"), r.Text("private_owner_phone"), r.Text("note"));
}
