using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources;

public sealed record EquipmentTypeView(
    int Id, string Code, string NameVi, string NameEn, EquipmentCategory Category, string UnitOfMeasure, double? CapacityValue, string? CapacityUnit, bool IsActive, int Version);

/// <summary>The equipment catalogue, readable by everyone.</summary>
public sealed class ListEquipmentTypes(PtdsDbContext db)
{
    public async Task<IReadOnlyList<EquipmentTypeView>> HandleAsync(EquipmentCategory? category, CancellationToken ct) =>
        await db.EquipmentTypes.AsNoTracking().Where(t => category == null || t.Category == category)
            .OrderBy(t => t.Category).ThenBy(t => t.Code)
            .Select(t => new EquipmentTypeView(t.Id, t.Code, t.NameVi, t.NameEn, t.Category, t.UnitOfMeasure, t.CapacityValue, t.CapacityUnit, t.IsActive, t.Version))
            .ToListAsync(ct);
}

/// <summary>
/// Adds or edits a catalogue entry (id null: add). The catalogue belongs to the root unit, so the
/// write guard lets only a nationally scoped administrator change it.
/// </summary>
public sealed class SaveEquipmentType(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required, RegularExpression("^[A-Z0-9][A-Z0-9-]{0,31}$")] string Code,
        [property: Required, StringLength(200, MinimumLength = 1)] string NameVi,
        [property: Required, StringLength(200, MinimumLength = 1)] string NameEn,
        EquipmentCategory Category,
        [property: Required, StringLength(32, MinimumLength = 1)] string UnitOfMeasure,
        [property: Range(0, 1e9)] double? CapacityValue,
        [property: StringLength(32)] string? CapacityUnit,
        bool IsActive = true,
        int Version = 0);

    public async Task<Result<EquipmentTypeView>> HandleAsync(int? id, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (await db.EquipmentTypes.AnyAsync(t => t.Code == input.Code && t.Id != id, ct))
        {
            return ValidationError.ForField(nameof(Input.Code), "Another equipment type has this code.");
        }

        var type = id is null ? new EquipmentType { Code = "", NameVi = "", NameEn = "", UnitOfMeasure = "" } : await db.EquipmentTypes.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (type is null)
        {
            return new NotFoundError("No such equipment type.");
        }

        if (id is not null)
        {
            if (type.Version != input.Version)
            {
                return new ConflictError();
            }

            db.Entry(type).Property(t => t.Version).OriginalValue = input.Version;
        }
        else
        {
            db.EquipmentTypes.Add(type);
        }

        (type.Code, type.NameVi, type.NameEn, type.Category, type.UnitOfMeasure, type.CapacityValue, type.CapacityUnit, type.IsActive) =
            (input.Code, input.NameVi.Trim(), input.NameEn.Trim(), input.Category, input.UnitOfMeasure.Trim(), input.CapacityValue, input.CapacityUnit, input.IsActive);
        await db.SaveChangesAsync(ct);
        return new EquipmentTypeView(type.Id, type.Code, type.NameVi, type.NameEn, type.Category, type.UnitOfMeasure, type.CapacityValue, type.CapacityUnit, type.IsActive, type.Version);
    }
}
