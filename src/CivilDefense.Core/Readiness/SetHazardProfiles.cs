using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>One hazard profile of a unit as a provincial user sets it.</summary>
public sealed record HazardProfileInput(HazardProfile Profile, int? ExposedResidents, string? Basis);

/// <summary>
/// Sets which hazard profiles apply to a unit (flood-prone, border…), and so which norms its
/// scorecard uses. Like the norms, this is the province's call: commanders and administrators
/// whose scope covers the unit (the write guard checks the same grant).
/// </summary>
public sealed class SetHazardProfiles(PtdsDbContext db)
{
    public async Task<Result<IReadOnlyList<HazardProfileInput>>> HandleAsync(int unitId, IReadOnlyList<HazardProfileInput> profiles, CancellationToken ct)
    {
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Path, u.Population }).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, unit.Path))
        {
            return new ForbiddenError("Only the province's commanders and administrators set hazard profiles.");
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            if (!Enum.IsDefined(p.Profile) || profiles.Take(i).Any(q => q.Profile == p.Profile))
            {
                return ValidationError.ForField($"profiles[{i}].profile", "Each profile may be given once.");
            }

            if (p.ExposedResidents is < 0 || (unit.Population is { } population && p.ExposedResidents > population))
            {
                return ValidationError.ForField($"profiles[{i}].exposedResidents", "Exposed residents must lie between 0 and the unit's population.");
            }

            if (p.Basis?.Length > 500)
            {
                return ValidationError.ForField($"profiles[{i}].basis", "The basis may have at most 500 characters.");
            }
        }

        var current = await db.UnitHazardProfiles.Where(h => h.UnitId == unitId).ToListAsync(ct);
        db.UnitHazardProfiles.RemoveRange(current.Where(h => profiles.All(p => p.Profile != h.Profile)));
        foreach (var p in profiles)
        {
            var row = current.FirstOrDefault(h => h.Profile == p.Profile);
            if (row is null)
            {
                db.UnitHazardProfiles.Add(row = new UnitHazardProfile { UnitId = unitId, Profile = p.Profile });
            }

            (row.ExposedResidents, row.Basis) = (p.ExposedResidents, string.IsNullOrWhiteSpace(p.Basis) ? null : p.Basis.Trim());
        }

        await db.SaveChangesAsync(ct);
        return (await ListAsync(unitId, ct)).ToList();
    }

    public async Task<IReadOnlyList<HazardProfileInput>> ListAsync(int unitId, CancellationToken ct) =>
        await db.UnitHazardProfiles.AsNoTracking().Where(h => h.UnitId == unitId).OrderBy(h => h.Profile)
            .Select(h => new HazardProfileInput(h.Profile, h.ExposedResidents, h.Basis)).ToListAsync(ct);
}
