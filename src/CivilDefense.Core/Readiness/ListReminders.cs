using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// What needs doing soon under a unit: supplies expiring within 30 days (or already expired),
/// equipment whose maintenance falls due within 30 days, shelters not inspected for a year.
/// Each list is capped so a national user gets an answer, soonest first.
/// </summary>
public sealed class ListReminders(PtdsDbContext db)
{
    public const int WithinDays = 30;
    public const int InspectionIntervalDays = 365;
    public const int MaxPerKind = 200;

    public async Task<Result<List<Reminder>>> HandleAsync(int unitId, CancellationToken ct)
    {
        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var today = DateOnly.FromDateTime(ReadinessScope.Now(db));
        var soon = today.AddDays(WithinDays);
        var inspectedBefore = today.AddDays(-InspectionIntervalDays);
        var path = unit.Path;
        var supplies = await db.SupplyStocks.AsNoTracking()
            .Where(s => s.Unit.Path.StartsWith(path) && s.Quantity > 0 && s.ExpiresOn != null && s.ExpiresOn <= soon)
            .OrderBy(s => s.ExpiresOn).ThenBy(s => s.Id).Take(MaxPerKind)
            .Select(s => new Reminder(ReminderKind.SupplyExpiring, s.UnitId, s.Unit.Name, s.Id, s.ItemName, s.ExpiresOn))
            .ToListAsync(ct);
        var equipment = await db.EquipmentLots.AsNoTracking()
            .Where(l => l.Unit.Path.StartsWith(path) && l.MaintenanceDue != null && l.MaintenanceDue <= soon)
            .OrderBy(l => l.MaintenanceDue).ThenBy(l => l.Id).Take(MaxPerKind)
            .Select(l => new Reminder(ReminderKind.MaintenanceDue, l.UnitId, l.Unit.Name, l.Id, l.EquipmentType.NameVi, l.MaintenanceDue))
            .ToListAsync(ct);
        var shelters = await db.Shelters.AsNoTracking()
            .Where(s => s.Unit.Path.StartsWith(path) && (s.LastInspectedOn == null || s.LastInspectedOn < inspectedBefore))
            .OrderBy(s => s.LastInspectedOn).ThenBy(s => s.Id).Take(MaxPerKind)
            .Select(s => new Reminder(ReminderKind.ShelterNotInspected, s.UnitId, s.Unit.Name, s.Id, s.Name, s.LastInspectedOn))
            .ToListAsync(ct);
        return (List<Reminder>)[.. supplies, .. equipment, .. shelters];
    }
}

/// <summary>Shelters (with capacity) and logistics points under a unit that have coordinates, for the map.</summary>
public sealed class ListMapPoints(PtdsDbContext db)
{
    public const int MaxPoints = 5000;

    public async Task<Result<List<MapPoint>>> HandleAsync(int unitId, CancellationToken ct)
    {
        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var path = unit.Path;
        var shelters = await db.Shelters.AsNoTracking()
            .Where(s => s.Unit.Path.StartsWith(path) && s.Latitude != null && s.Longitude != null)
            .OrderBy(s => s.Id).Take(MaxPoints)
            .Select(s => new MapPoint("shelter", s.Id, s.UnitId, s.Name, s.Latitude!.Value, s.Longitude!.Value, s.Capacity))
            .ToListAsync(ct);
        var points = await db.LogisticsPoints.AsNoTracking()
            .Where(p => p.Unit.Path.StartsWith(path) && p.Latitude != null && p.Longitude != null)
            .OrderBy(p => p.Id).Take(MaxPoints)
            .Select(p => new MapPoint(p.Kind.ToString(), p.Id, p.UnitId, p.Name, p.Latitude!.Value, p.Longitude!.Value, null))
            .ToListAsync(ct);
        return (List<MapPoint>)[.. shelters, .. points];
    }
}
