using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>
/// Edits a unit's descriptive facts. The code and place in the tree change only by import, since
/// they follow resolutions of the National Assembly Standing Committee, not a form.
/// </summary>
public sealed class UpdateUnit(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required, StringLength(200, MinimumLength = 1)] string Name,
        [property: StringLength(200)] string? NameEn,
        [property: Required, StringLength(250, MinimumLength = 1)] string FullName,
        [property: StringLength(250)] string? FullNameEn,
        [property: Range(0, 200_000_000)] int? Population,
        [property: Range(1900, 2100)] int? PopulationYear,
        [property: Range(0, 100_000_000)] int? Households,
        [property: Range(0.0, 1_000_000.0)] double? AreaKm2,
        DateOnly? ValidFrom,
        DateOnly? ValidTo);

    public async Task<Result<UnitDetails>> HandleAsync(int id, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
        {
            return ValidationError.ForField(nameof(Input.ValidTo), "The end of validity is before its start.");
        }

        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (unit.Version != input.Version)
        {
            return new ConflictError();
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(unit).Property(u => u.Version).OriginalValue = input.Version;
        unit.Name = input.Name.Trim();
        unit.NameEn = input.NameEn?.Trim();
        unit.FullName = input.FullName.Trim();
        unit.FullNameEn = input.FullNameEn?.Trim();
        unit.Population = input.Population;
        unit.PopulationYear = input.PopulationYear;
        unit.Households = input.Households;
        unit.AreaKm2 = input.AreaKm2;
        unit.ValidFrom = input.ValidFrom;
        unit.ValidTo = input.ValidTo;
        await db.SaveChangesAsync(ct);
        return (await new GetUnit(db).HandleAsync(id, ct)).Value!;
    }
}
