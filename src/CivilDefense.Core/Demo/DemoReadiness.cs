using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Demo;

/// <summary>The demo province's readiness registry: one typical registry per commune, from a fixed seed.</summary>
internal static class DemoReadiness
{
    public const int Seed = 4;

    public static async Task<int> SeedAsync(PtdsDbContext db, IReadOnlyList<AdministrativeUnit> communes, CancellationToken ct)
    {
        var types = await db.EquipmentTypes.ToDictionaryAsync(t => t.Code, t => t.Id, ct);

        // The communes are tracked so the write guard finds their paths without a query per record.
        var ids = communes.Select(c => c.Id).ToList();
        var tracked = await db.Units.Where(u => ids.Contains(u.Id)).OrderBy(u => u.Code).ToListAsync(ct);
        var units = tracked.Select(c => new GeneratorUnit(c.Id, c.Name, c.Population, c.CentroidLat, c.CentroidLon)).ToList();
        var asOf = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var set = ReadinessGenerator.Generate(units, units.Count * ReadinessGenerator.TypicalPerUnit, Seed, types, asOf);

        // Logistics points first: nothing refers to them yet, but keeping saves small keeps the guard's index cheap.
        db.AddRange(set.LogisticsPoints);
        db.AddRange(set.Forces);
        db.AddRange(set.EquipmentLots);
        db.AddRange(set.SupplyStocks);
        db.AddRange(set.Shelters);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return set.RecordCount;
    }
}
