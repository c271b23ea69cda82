using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// Writes today's scores of the communes under a unit to <see cref="ReadinessSnapshot"/>, replacing
/// a snapshot of the same day: the trend has one point per unit and day. Called when a stock count
/// is applied (trigger "count"), by the nightly job ("nightly") and on request ("manual").
/// </summary>
public sealed class RecordSnapshots(PtdsDbContext db)
{
    public async Task<Result<int>> HandleAsync(int unitId, string trigger, CancellationToken ct)
    {
        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var now = ReadinessScope.Now(db);
        var day = DateOnly.FromDateTime(now);
        var communes = await ReadinessScope.CommunesAsync(db, unit, day, ct);
        var facts = await ReadinessFacts.LoadAsync(db, communes, now, ct);
        var ids = communes.Select(c => c.Id).ToList();
        var existing = await db.ReadinessSnapshots.Where(s => s.Day == day && ids.Contains(s.UnitId)).ToDictionaryAsync(s => s.UnitId, ct);
        foreach (var commune in communes)
        {
            var card = facts.Score(commune);
            if (card.Overall is null)
            {
                continue;
            }

            if (!existing.TryGetValue(commune.Id, out var snapshot))
            {
                snapshot = new ReadinessSnapshot { UnitId = commune.Id, Day = day, Trigger = trigger };
                db.ReadinessSnapshots.Add(snapshot);
            }

            snapshot.Trigger = trigger;
            snapshot.ComputedAt = now;
            snapshot.Overall = card.Overall.Value;
            snapshot.Command = card.Component(ReadinessComponent.Command).Score ?? 0;
            snapshot.Forces = card.Component(ReadinessComponent.Forces).Score ?? 0;
            snapshot.MeansAndMaterials = card.Component(ReadinessComponent.MeansAndMaterials).Score ?? 0;
            snapshot.Logistics = card.Component(ReadinessComponent.Logistics).Score ?? 0;
            snapshot.GapCount = card.GapCount;
        }

        await db.SaveChangesAsync(ct);
        return communes.Count;
    }
}
