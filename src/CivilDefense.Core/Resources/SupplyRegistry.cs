using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources.Registry;
using Microsoft.EntityFrameworkCore;
using static CivilDefense.Core.Resources.Registry.RegistryFormat;

namespace CivilDefense.Core.Resources;

public sealed record SupplyStockInput(
    [property: Required] int UnitId,
    int? OwnerOrganizationId,
    [property: Required] SupplyCategory Category,
    [property: Required, StringLength(200, MinimumLength = 1)] string ItemName,
    [property: Range(0, 1e12)] double Quantity,
    [property: Required, StringLength(32, MinimumLength = 1)] string UnitOfMeasure,
    int? StoragePointId,
    DateOnly? ExpiresOn,
    [property: StringLength(1000)] string? Note = null,
    int Version = 0) : IRegistryInput;

public sealed record SupplyStockView(
    int Id, int UnitId, string UnitCode, string UnitName, int? OwnerOrganizationId, SupplyCategory Category, string ItemName,
    double Quantity, string UnitOfMeasure, int? StoragePointId, string? StoragePointName, DateOnly? ExpiresOn, string? Note, int Version) : IRegistryView;

/// <summary>Supplies and stockpiles (vật tư, nhu yếu phẩm dự trữ).</summary>
public sealed class SupplyRegistry : RegistryKind<SupplyStock, SupplyStockInput, SupplyStockView>
{
    public static SupplyRegistry Instance { get; } = new();

    public override string Name => "supplies";

    public override IReadOnlyList<string> Columns { get; } = ["category", "item_name", "quantity", "unit_of_measure", "storage_point_id", "expires_on", "note"];

    public override IQueryable<SupplyStock> Set(PtdsDbContext db) => db.SupplyStocks;

    public override Expression<Func<SupplyStock, SupplyStockView>> Projection { get; } = s => new SupplyStockView(
        s.Id, s.UnitId, s.Unit.Code, s.Unit.FullName, s.OwnerOrganizationId, s.Category, s.ItemName, s.Quantity, s.UnitOfMeasure,
        s.StoragePointId, s.StoragePoint == null ? null : s.StoragePoint.Name, s.ExpiresOn, s.Note, s.Version);

    public override SupplyStock New() => new() { ItemName = "", UnitOfMeasure = "" };

    public override void Apply(SupplyStockInput input, SupplyStock entity)
    {
        entity.UnitId = input.UnitId;
        entity.OwnerOrganizationId = input.OwnerOrganizationId;
        entity.Category = input.Category;
        entity.ItemName = input.ItemName.Trim();
        entity.Quantity = input.Quantity;
        entity.UnitOfMeasure = input.UnitOfMeasure.Trim();
        entity.StoragePointId = input.StoragePointId;
        entity.ExpiresOn = input.ExpiresOn;
        entity.Note = RegistryChecks.Blank(input.Note);
    }

    public override Expression<Func<SupplyStock, bool>> Search(string term) => s => s.ItemName.ToLower().Contains(term);

    public override Expression<Func<SupplyStock, bool>>? Category(string value) =>
        Enum.TryParse<SupplyCategory>(value, true, out var category) ? s => s.Category == category : null;

    /// <summary>The storage point must be one of the same unit's logistics points.</summary>
    public override async Task<Error?> CheckAsync(PtdsDbContext db, SupplyStockInput input, CancellationToken ct) =>
        input.StoragePointId is { } point && !await db.LogisticsPoints.AnyAsync(p => p.Id == point && p.UnitId == input.UnitId, ct)
            ? ValidationError.ForField(nameof(SupplyStockInput.StoragePointId), "No such logistics point in this unit.")
            : null;

    public override IReadOnlyList<string?> ToRow(SupplyStockView v) =>
        [v.Category.ToString(), v.ItemName, Of(v.Quantity), v.UnitOfMeasure, Of(v.StoragePointId), Of(v.ExpiresOn), v.Note];

    public override SupplyStockInput FromRow(RegistryRow r) => new(
        r.UnitId("unit_code"), r.Integer("owner_organization_id"), r.RequiredChoice<SupplyCategory>("category"), r.Required("item_name"),
        r.Number("quantity") ?? 0, r.Required("unit_of_measure"), r.Integer("storage_point_id"), r.Date("expires_on"), r.Text("note"));
}
