using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>Adds one unit under a parent in scope; codes are unique among the units valid today.</summary>
public sealed class CreateUnit(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int ParentId,
        [property: Required, RegularExpression("^[0-9A-Za-z]{1,10}$")] string Code,
        [property: Required] UnitKind Kind,
        [property: Required, StringLength(200, MinimumLength = 1)] string Name,
        [property: StringLength(200)] string? NameEn,
        [property: Required, StringLength(250, MinimumLength = 1)] string FullName,
        [property: Range(0, 200_000_000)] int? Population,
        [property: Range(0, 100_000_000)] int? Households,
        [property: Range(0.0, 1_000_000.0)] double? AreaKm2,
        DateOnly? ValidFrom);

    public async Task<Result<UnitDetails>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var parent = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == input.ParentId, ct);
        if (parent is null)
        {
            return ValidationError.ForField(nameof(Input.ParentId), "The parent unit does not exist.");
        }

        if (UnitLevels.LevelOf(input.Kind) <= parent.Level)
        {
            return ValidationError.ForField(nameof(Input.Kind), $"A {input.Kind} cannot be placed under a {parent.Kind}.");
        }

        var code = input.Code.Trim();
        var day = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        if (await db.Units.IgnoreQueryFilters().AnyAsync(u => u.Code == code && (u.ValidTo == null || u.ValidTo >= day), ct))
        {
            return ValidationError.ForField(nameof(Input.Code), $"A current unit already has the code {code}.");
        }

        var unit = new AdministrativeUnit
        {
            ParentId = parent.Id,
            Code = code,
            Kind = input.Kind,
            Name = input.Name.Trim(),
            NameEn = input.NameEn?.Trim(),
            FullName = input.FullName.Trim(),
            Population = input.Population,
            Households = input.Households,
            AreaKm2 = input.AreaKm2,
            ValidFrom = input.ValidFrom,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return (await new GetUnit(db).HandleAsync(unit.Id, ct)).Value!;
    }
}
