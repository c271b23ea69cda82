using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>A unit the scorecards are computed for, with where it sits in the tree.</summary>
public sealed record ScoredUnit(int Id, string Code, string Name, string Path, int Level, int? ParentId, int Population, double? CentroidLat, double? CentroidLon);

/// <summary>Facts and applicable norms of a set of units, loaded together.</summary>
public sealed record FactSet(IReadOnlyList<ScoredUnit> Units, IReadOnlyDictionary<int, UnitFacts> Facts, IReadOnlyList<(string OwnerPath, NormRule Rule)> Norms)
{
    /// <summary>Norms owned by the unit or one of its ancestors, each with the depth of its owner.</summary>
    public IEnumerable<NormRule> NormsFor(ScoredUnit unit) =>
        Norms.Where(n => unit.Path.StartsWith(n.OwnerPath, StringComparison.Ordinal)).Select(n => n.Rule);

    public Scorecard Score(ScoredUnit unit) => ScorecardEngine.Score(Facts[unit.Id], NormsFor(unit));
}

/// <summary>
/// Builds <see cref="UnitFacts"/> for many units in a fixed number of queries (one GROUP BY per
/// registry table, keyed by unit id), so a national roll-up costs the same nine queries as one
/// commune. Counting rules: equipment in good condition only; supplies not expired on the day
/// (food in kg, drinking water in litres, other categories as recorded); shelters not unusable;
/// a command board is complete with an active head, standing deputy and deputy; the roster is
/// filled when shifts cover every minute of the next 7 days.
/// </summary>
public static class ReadinessFacts
{
    public static readonly TimeSpan RosterHorizon = TimeSpan.FromDays(7);

    /// <summary>The commune-level units at or under <paramref name="rootPath"/> that are current on <paramref name="day"/>.</summary>
    public static async Task<List<ScoredUnit>> CommunesUnderAsync(PtdsDbContext db, string rootPath, DateOnly day, CancellationToken ct) =>
        await db.Units.AsNoTracking()
            .Where(u => u.Path.StartsWith(rootPath) && u.Level == 3 && (u.ValidTo == null || u.ValidTo >= day) && (u.ValidFrom == null || u.ValidFrom <= day))
            .OrderBy(u => u.Code)
            .Select(u => new ScoredUnit(u.Id, u.Code, u.Name, u.Path, u.Level, u.ParentId, u.Population ?? 0, u.CentroidLat, u.CentroidLon))
            .ToListAsync(ct);

    public static async Task<FactSet> LoadAsync(PtdsDbContext db, IReadOnlyList<ScoredUnit> units, DateTime now, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var day = DateOnly.FromDateTime(now);

        var households = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Households }).ToDictionaryAsync(u => u.Id, u => u.Households ?? 0, ct);
        var profiles = (await db.UnitHazardProfiles.AsNoTracking().Where(h => ids.Contains(h.UnitId))
                .Select(h => new { h.UnitId, h.Profile, h.ExposedResidents }).ToListAsync(ct))
            .ToLookup(h => h.UnitId);
        var forces = await db.Forces.AsNoTracking().Where(f => ids.Contains(f.UnitId))
            .GroupBy(f => f.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count(), Headcount = g.Sum(f => f.Headcount) })
            .ToDictionaryAsync(g => g.UnitId, ct);

        // Members certified in several skills are counted once per force: the largest skill count is a floor.
        var trained = (await db.ForceSkills.AsNoTracking().Where(s => ids.Contains(s.Force.UnitId))
                .GroupBy(s => new { s.Force.UnitId, s.ForceId }).Select(g => new { g.Key.UnitId, Max = g.Max(s => s.CertifiedMembers) })
                .ToListAsync(ct))
            .GroupBy(x => x.UnitId).ToDictionary(g => g.Key, g => g.Sum(x => x.Max));

        // Grouped by type id, the order of the (UnitId, EquipmentTypeId) index, so SQLite aggregates without sorting
        // (about a third less time over 1 M records); the few types are mapped to their categories here.
        var categories = await db.EquipmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Category, ct);
        var equipment = (await db.EquipmentLots.AsNoTracking().Where(l => ids.Contains(l.UnitId) && l.Condition == AssetCondition.Good)
                .GroupBy(l => new { l.UnitId, l.EquipmentTypeId }).Select(g => new { g.Key.UnitId, g.Key.EquipmentTypeId, Quantity = g.Sum(l => l.Quantity) })
                .ToListAsync(ct))
            .ToLookup(x => x.UnitId, x => (Category: categories[x.EquipmentTypeId], x.Quantity));
        var supplies = (await db.SupplyStocks.AsNoTracking().Where(s => ids.Contains(s.UnitId) && (s.ExpiresOn == null || s.ExpiresOn >= day))
                .GroupBy(s => new { s.UnitId, s.Category, s.UnitOfMeasure }).Select(g => new { g.Key.UnitId, g.Key.Category, g.Key.UnitOfMeasure, Quantity = g.Sum(s => s.Quantity) })
                .ToListAsync(ct))
            .ToLookup(x => x.UnitId);
        var shelterPlaces = await db.Shelters.AsNoTracking().Where(s => ids.Contains(s.UnitId) && s.Condition != AssetCondition.Unusable)
            .GroupBy(s => s.UnitId).Select(g => new { UnitId = g.Key, Places = g.Sum(s => s.Capacity) })
            .ToDictionaryAsync(g => g.UnitId, g => g.Places, ct);
        var logistics = await db.LogisticsPoints.AsNoTracking().Where(p => ids.Contains(p.UnitId))
            .GroupBy(p => p.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UnitId, g => g.Count, ct);
        var completeBoards = (await db.BoardMembers.AsNoTracking().Where(m => ids.Contains(m.Board.UnitId) && m.Board.IsActive && m.IsActive)
                .GroupBy(m => new { m.Board.UnitId, m.Role }).Select(g => new { g.Key.UnitId, g.Key.Role })
                .ToListAsync(ct))
            .GroupBy(x => x.UnitId)
            .Where(g => g.Any(x => x.Role == BoardRole.Head) && g.Any(x => x.Role == BoardRole.StandingDeputy) && g.Any(x => x.Role == BoardRole.Deputy))
            .Select(g => g.Key).ToHashSet();
        var horizon = now + RosterHorizon;
        var shifts = (await db.DutyShifts.AsNoTracking().Where(s => ids.Contains(s.Board.UnitId) && s.Board.IsActive && s.StartsAt < horizon && s.EndsAt > now)
                .Select(s => new { s.Board.UnitId, s.StartsAt, s.EndsAt }).ToListAsync(ct))
            .ToLookup(s => s.UnitId, s => (s.StartsAt, s.EndsAt));

        // A unit's own plan (its subordinate plan of the province's, or one it imported), issued by the day.
        var withPlan = (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.UnitId) && (p.IssuedOn == null || p.IssuedOn <= day))
            .Select(p => p.UnitId).Distinct().ToListAsync(ct)).ToHashSet();

        var facts = units.ToDictionary(u => u.Id, u => new UnitFacts
        {
            UnitId = u.Id,
            Code = u.Code,
            Name = u.Name,
            Population = u.Population,
            Households = households.GetValueOrDefault(u.Id),
            Profiles = profiles[u.Id].ToDictionary(h => h.Profile, h => h.ExposedResidents),
            Forces = forces.TryGetValue(u.Id, out var f) ? f.Count : 0,
            ForcesHeadcount = f?.Headcount ?? 0,
            TrainedMembers = trained.GetValueOrDefault(u.Id),
            Equipment = equipment[u.Id].GroupBy(e => e.Category).ToDictionary(g => g.Key.ToString(), g => (double)g.Sum(e => e.Quantity)),
            Supplies = supplies[u.Id].GroupBy(s => s.Category).ToDictionary(g => g.Key.ToString(), g => g.Sum(s => Normalise(s.Category, s.UnitOfMeasure, s.Quantity))),
            ShelterPlaces = shelterPlaces.GetValueOrDefault(u.Id),
            LogisticsPoints = logistics.GetValueOrDefault(u.Id),
            CommandBoardComplete = completeBoards.Contains(u.Id),
            DutyRosterFilled = Covers(shifts[u.Id], now, horizon),
            PlanInForce = withPlan.Contains(u.Id),
        });

        return new FactSet(units, facts, await NormsAsync(db, day, ct));
    }

    /// <summary>Every norm valid on the day that the actor can see (its own scope's and its ancestors'), with its owner's path.</summary>
    public static async Task<List<(string OwnerPath, NormRule Rule)>> NormsAsync(PtdsDbContext db, DateOnly day, CancellationToken ct) =>
        (await db.ReadinessNorms.AsNoTracking()
            .Where(n => (n.ValidFrom == null || n.ValidFrom <= day) && (n.ValidTo == null || n.ValidTo >= day))
            .Select(n => new { n.Id, Path = n.UnitPath, n.Profile, n.MetricKey, n.Target, n.Weight })
            .ToListAsync(ct))
        .Select(n => (n.Path, new NormRule(n.Profile, n.MetricKey, n.Target, n.Weight, n.Path.Count(c => c == '/'), n.Id)))
        .ToList();

    /// <summary>Food counts in kg and drinking water in litres; other units of those categories do not count.</summary>
    public static double Normalise(SupplyCategory category, string unitOfMeasure, double quantity)
    {
        var unit = unitOfMeasure.Trim().ToLowerInvariant();
        return category switch
        {
            SupplyCategory.Food => unit switch { "kg" => quantity, "t" or "tấn" or "tonne" => quantity * 1000, _ => 0 },
            SupplyCategory.DrinkingWater => unit switch { "l" or "litre" or "liter" or "lít" => quantity, "m3" or "m³" => quantity * 1000, _ => 0 },
            _ => quantity,
        };
    }

    /// <summary>Whether the shifts together cover [from, to) without a gap.</summary>
    public static bool Covers(IEnumerable<(DateTime Start, DateTime End)> shifts, DateTime from, DateTime to)
    {
        var reached = from;
        foreach (var (start, end) in shifts.OrderBy(s => s.Start))
        {
            if (start > reached)
            {
                return false;
            }

            if (end > reached)
            {
                reached = end;
            }

            if (reached >= to)
            {
                return true;
            }
        }

        return reached >= to;
    }
}
