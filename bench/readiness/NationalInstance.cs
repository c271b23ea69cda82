using CivilDefense.Bench.Plans;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilDefense.Bench.Readiness;

/// <summary>
/// The national-scale instance: the demo territory (34 provinces, 3,321 communes, the demo registry
/// of Tây Ninh's 96) plus generated registry records for every commune up to a total of
/// <c>records</c>, from a fixed seed, so every run builds the same database.
/// </summary>
internal static class NationalInstance
{
    public const int Seed = 2026;

    public static async Task<int> FillAsync(DatabaseOptions options, int records)
    {
        await using var db = DatabaseCopies.Open(options, Actor.System);
        var existing = await CountAsync(db);
        var types = await db.EquipmentTypes.ToDictionaryAsync(t => t.Code, t => t.Id);
        var communes = await db.Units.AsNoTracking().Where(u => u.Level == 3 && u.ValidTo == null).OrderBy(u => u.Code)
            .Select(u => new GeneratorUnit(u.Id, u.Name, u.Population, u.CentroidLat, u.CentroidLon)).ToListAsync();
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);

        // The generator skips what a short commune lacks (boats, the evacuation centre): ask for more until the total is reached.
        var target = records - existing;
        var set = ReadinessGenerator.Generate(communes, target, Seed, types, asOf);
        while (set.RecordCount < records - existing)
        {
            target += records - existing - set.RecordCount;
            set = ReadinessGenerator.Generate(communes, target, Seed, types, asOf);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var bulk = new BulkInsert(db, transaction.GetDbTransaction());
        await NumberAndInsertAsync(db, bulk, set.LogisticsPoints, (p, id) => p.Id = id);
        await NumberAndInsertAsync(db, bulk, set.Forces, (f, id) => f.Id = id);
        var skills = set.Forces.SelectMany(f => f.Skills.Select(s => { s.ForceId = f.Id; return s; })).ToList();
        await bulk.InsertAsync(skills);
        await NumberAndInsertAsync(db, bulk, set.EquipmentLots, (l, id) => l.Id = id);
        await NumberAndInsertAsync(db, bulk, set.SupplyStocks, (s, id) => s.Id = id);
        await NumberAndInsertAsync(db, bulk, set.Shelters, (s, id) => s.Id = id);
        await transaction.CommitAsync();

        // Fresh statistics, as a production database would have after autovacuum / ANALYZE.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return await CountAsync(db);
    }

    private static async Task<int> CountAsync(PtdsDbContext db) =>
        await db.Forces.CountAsync() + await db.EquipmentLots.CountAsync() + await db.SupplyStocks.CountAsync()
        + await db.LogisticsPoints.CountAsync() + await db.Shelters.CountAsync();

    private static async Task NumberAndInsertAsync<T>(PtdsDbContext db, BulkInsert bulk, List<T> rows, Action<T, int> setId)
        where T : class
    {
        var next = (await db.Set<T>().AsNoTracking().Select(r => (int?)EF.Property<int>(r, "Id")).MaxAsync() ?? 0) + 1;
        foreach (var row in rows)
        {
            setId(row, next++);
        }

        await bulk.InsertAsync(rows);
        await bulk.ResetIdentityAsync<T>();
    }
}
