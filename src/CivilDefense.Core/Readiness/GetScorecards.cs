using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>The scorecards of the communes under a unit, rolled up to it (population-weighted).</summary>
public sealed class GetScorecards(PtdsDbContext db)
{
    public async Task<Result<ScorecardReport>> HandleAsync(int unitId, CancellationToken ct)
    {
        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var now = ReadinessScope.Now(db);
        var communes = await ReadinessScope.CommunesAsync(db, unit, DateOnly.FromDateTime(now), ct);
        var facts = await ReadinessFacts.LoadAsync(db, communes, now, ct);
        var cards = communes.Select(facts.Score)
            .OrderBy(c => c.Overall ?? double.MaxValue).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ScorecardReport(unit.Id, unit.Code, unit.Name, ReadinessRollup.Combine(cards), cards);
    }
}

/// <summary>One commune's scorecard with its facts and its trend (the snapshots, and today's score).</summary>
public sealed class GetUnitScorecard(PtdsDbContext db)
{
    public const int TrendDays = 400;

    public async Task<Result<UnitScorecard>> HandleAsync(int unitId, CancellationToken ct)
    {
        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (unit.Level < 3)
        {
            return ValidationError.ForField("unitId", "A scorecard is kept per commune; ask for the scorecards of this unit instead.");
        }

        var now = ReadinessScope.Now(db);
        var facts = await ReadinessFacts.LoadAsync(db, [unit], now, ct);
        var card = facts.Score(unit);
        var since = DateOnly.FromDateTime(now).AddDays(-TrendDays);
        var trend = await db.ReadinessSnapshots.AsNoTracking()
            .Where(s => s.UnitId == unitId && s.Day >= since)
            .OrderBy(s => s.Day)
            .Select(s => new SnapshotPoint(s.Day, s.Overall, s.Command, s.Forces, s.MeansAndMaterials, s.Logistics, s.GapCount, s.Trigger))
            .ToListAsync(ct);
        return new UnitScorecard(card, facts.Facts[unit.Id], trend);
    }
}
