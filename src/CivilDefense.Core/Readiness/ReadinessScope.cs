using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>Resolves the unit a readiness request is about, within the actor's scope.</summary>
internal static class ReadinessScope
{
    /// <summary>The unit, or null when it does not exist or lies outside the actor's scope (both read as "not found").</summary>
    public static async Task<ScoredUnit?> FindAsync(PtdsDbContext db, int unitId, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new ScoredUnit(u.Id, u.Code, u.Name, u.Path, u.Level, u.ParentId, u.Population ?? 0, u.CentroidLat, u.CentroidLon))
            .SingleOrDefaultAsync(ct);

    /// <summary>The commune-level units a request covers: the unit itself when it is one, else those under it.</summary>
    public static async Task<List<ScoredUnit>> CommunesAsync(PtdsDbContext db, ScoredUnit unit, DateOnly day, CancellationToken ct) =>
        unit.Level >= 3 ? [unit] : await ReadinessFacts.CommunesUnderAsync(db, unit.Path, day, ct);

    public static DateTime Now(PtdsDbContext db) => db.Clock.GetUtcNow().UtcDateTime;
}
