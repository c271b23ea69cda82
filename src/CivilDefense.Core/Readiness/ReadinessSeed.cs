using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>Seeds the default norms for a province and the demo hazard profiles of its communes.</summary>
public static class ReadinessSeed
{
    public sealed record Counts(int Norms, int Profiles);

    /// <summary>Adds the default norm set owned by <paramref name="ownerUnitId"/> unless it already has norms.</summary>
    public static async Task<int> SeedDefaultNormsAsync(PtdsDbContext db, int ownerUnitId, CancellationToken ct)
    {
        if (await db.ReadinessNorms.IgnoreQueryFilters().AnyAsync(n => n.UnitId == ownerUnitId, ct))
        {
            return 0;
        }

        var ownerPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == ownerUnitId).Select(u => u.Path).SingleAsync(ct);
        var norms = DefaultNorms.Load().Select(d => new ReadinessNorm
        {
            UnitId = ownerUnitId,
            UnitPath = ownerPath,
            Profile = d.Profile,
            Component = d.Component,
            MetricKey = d.MetricKey,
            Target = d.Target,
            Weight = d.Weight,
            MeasureUnit = d.MeasureUnit,
            Source = d.Source,
        }).ToList();
        db.ReadinessNorms.AddRange(norms);
        await db.SaveChangesAsync(ct);
        return norms.Count;
    }

    /// <summary>The demo province's norms and its communes' hazard profiles (by official code); idempotent.</summary>
    public static async Task<Counts> SeedDemoAsync(PtdsDbContext db, AdministrativeUnit province, IReadOnlyList<AdministrativeUnit> communes, CancellationToken ct)
    {
        var norms = await SeedDefaultNormsAsync(db, province.Id, ct);
        var ids = communes.Select(c => c.Id).ToList();
        if (await db.UnitHazardProfiles.IgnoreQueryFilters().AnyAsync(h => ids.Contains(h.UnitId), ct))
        {
            return new Counts(norms, 0);
        }

        var byCode = communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var profiles = DefaultNorms.LoadDemoProfiles()
            .Where(r => byCode.ContainsKey(r.Code))
            .Select(r => new UnitHazardProfile { UnitId = byCode[r.Code].Id, Profile = r.Profile, ExposedResidents = r.ExposedResidents, Basis = r.Basis })
            .ToList();
        db.UnitHazardProfiles.AddRange(profiles);
        await db.SaveChangesAsync(ct);
        return new Counts(norms, profiles.Count);
    }
}
