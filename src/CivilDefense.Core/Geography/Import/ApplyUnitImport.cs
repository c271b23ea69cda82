using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography.Import;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed record ImportOutcome(int Added, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;

    public static ImportOutcome Failed(IReadOnlyList<ImportError> errors) => new(0, 0, 0, errors);
}

/// <summary>
/// Writes parsed rows to the database, all or nothing: one transaction around every batch, and
/// any error (a code that matches nothing, an ambiguous match, a refused write) rolls all back.
/// Units are matched by code among units whose validity overlaps the row's (codes are reused
/// over time), so by default among the currently valid ones.
/// </summary>
public static class ApplyUnitImport
{
    /// <summary>Rows per SaveChanges: keeps the change tracker small and gives progress something to count.</summary>
    private const int BatchSize = 1000;

    /// <summary>
    /// Adds new units and updates matched ones; parents are found in the rows or among existing units.
    /// The change tracker is cleared after each batch: use a fresh context, or reload, afterwards.
    /// </summary>
    /// <param name="progress">Receives the number of rows written so far after each batch.</param>
    public static async Task<ImportOutcome> ApplyUnitsAsync(PtdsDbContext db, IReadOnlyList<UnitRow> rows, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var codes = rows.Select(r => r.Code).Concat(rows.Where(r => r.ParentCode is not null).Select(r => r.ParentCode!)).Distinct().ToList();
        var existing = await LoadByCodeAsync(db, codes, ct);

        var errors = new List<ImportError>();
        var targets = new Dictionary<UnitRow, AdministrativeUnit?>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rows.Count; i++)
        {
            var matches = existing.TryGetValue(rows[i].Code, out var list) ? list.Where(u => Overlaps(u, rows[i], today)).ToList() : [];
            if (matches.Count > 1)
            {
                errors.Add(new ImportError(i + 1, "code", $"code {rows[i].Code} matches {matches.Count} units valid at the same time", "record"));
            }

            targets[rows[i]] = matches.FirstOrDefault();
        }

        // Parents first, so every batch only points at units already written or in the same batch.
        var ordered = OrderParentsFirst(rows, errors);
        if (errors.Count > 0)
        {
            return ImportOutcome.Failed(errors);
        }

        var byRow = new Dictionary<UnitRow, AdministrativeUnit>(ReferenceEqualityComparer.Instance);
        var rowsByCode = rows.ToLookup(r => r.Code, StringComparer.Ordinal);
        var added = 0;
        var updated = 0;
        var unchanged = 0;
        return await InTransactionAsync(db, async () =>
        {
            for (var start = 0; start < ordered.Count; start += BatchSize)
            {
                foreach (var (index, row) in ordered.Skip(start).Take(BatchSize))
                {
                    var parent = row.ParentCode is null ? null : ResolveParent(row, rowsByCode, byRow, existing, today);
                    if (row.ParentCode is not null && parent is null)
                    {
                        errors.Add(new ImportError(index + 1, "parent_code", $"unknown parent code {row.ParentCode}", "record"));
                        continue;
                    }

                    if (targets[row] is { } unit)
                    {
                        if (db.Entry(unit).State == EntityState.Detached)
                        {
                            db.Units.Attach(unit);
                        }

                        var changed = Update(unit, row, parent);
                        updated += changed ? 1 : 0;
                        unchanged += changed ? 0 : 1;
                        byRow[row] = unit;
                    }
                    else
                    {
                        unit = New(row, parent);
                        db.Units.Add(unit);
                        byRow[row] = unit;
                        added++;
                    }
                }

                if (errors.Count > 0)
                {
                    return ImportOutcome.Failed(errors);
                }

                await db.SaveChangesAsync(ct);

                // The write guard looks units up in the tracker (with change detection) per entry: a tracker
                // holding every earlier batch makes a national import quadratic. Written units keep their ids.
                db.ChangeTracker.Clear();
                progress?.Report(Math.Min(start + BatchSize, ordered.Count));
            }

            return new ImportOutcome(added, updated, unchanged, []);
        }, ct);
    }

    /// <summary>Sets boundary, simplified boundary and (when absent) the interior point as centroid on existing units.</summary>
    /// <param name="withinCode">Only units of this province (or other unit) and below are matched, e.g. "80".</param>
    public static Task<ImportOutcome> ApplyBoundariesAsync(PtdsDbContext db, IReadOnlyList<BoundaryRow> rows, string? withinCode = null, IProgress<int>? progress = null, CancellationToken ct = default) =>
        UpdateExistingAsync(db, rows, r => r.Code, (unit, row) =>
        {
            var changed = unit.Boundary != row.Boundary || unit.BoundarySimplified != row.BoundarySimplified;
            unit.Boundary = row.Boundary;
            unit.BoundarySimplified = row.BoundarySimplified;
            if (unit.CentroidLat is null)
            {
                unit.CentroidLat = row.InteriorLat;
                unit.CentroidLon = row.InteriorLon;
                changed = true;
            }

            return changed;
        }, withinCode, progress, ct);

    /// <summary>Sets population (of <paramref name="year"/>) and the official area on existing units.</summary>
    public static Task<ImportOutcome> ApplyPopulationAsync(PtdsDbContext db, IReadOnlyList<PopulationRow> rows, int year, string? withinCode = null, IProgress<int>? progress = null, CancellationToken ct = default) =>
        UpdateExistingAsync(db, rows, r => r.Code, (unit, row) =>
        {
            var changed = unit.Population != row.Population || unit.PopulationYear != year || (row.AreaKm2 is not null && unit.AreaKm2 != row.AreaKm2);
            unit.Population = row.Population;
            unit.PopulationYear = year;
            unit.AreaKm2 = row.AreaKm2 ?? unit.AreaKm2;
            return changed;
        }, withinCode, progress, ct);

    /// <summary>Sets the centroid of existing units.</summary>
    public static Task<ImportOutcome> ApplyCentroidsAsync(PtdsDbContext db, IReadOnlyList<CentroidRow> rows, string? withinCode = null, IProgress<int>? progress = null, CancellationToken ct = default) =>
        UpdateExistingAsync(db, rows, r => r.Code, (unit, row) =>
        {
            var changed = unit.CentroidLat != row.Lat || unit.CentroidLon != row.Lon;
            unit.CentroidLat = row.Lat;
            unit.CentroidLon = row.Lon;
            return changed;
        }, withinCode, progress, ct);

    private static async Task<ImportOutcome> UpdateExistingAsync<T>(PtdsDbContext db, IReadOnlyList<T> rows, Func<T, string> codeOf, Func<AdministrativeUnit, T, bool> apply,
        string? withinCode, IProgress<int>? progress, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var query = db.Units.Where(u => (u.ValidFrom == null || u.ValidFrom <= today) && (u.ValidTo == null || u.ValidTo >= today));
        if (withinCode is not null)
        {
            var scope = await query.Where(u => u.Code == withinCode).Select(u => u.Path).ToListAsync(ct);
            if (scope.Count != 1)
            {
                return ImportOutcome.Failed([new ImportError(0, "province", $"no single current unit with code {withinCode}", "option")]);
            }

            query = query.Where(u => u.Path.StartsWith(scope[0]));
        }

        var codes = rows.Select(codeOf).ToList();
        var units = (await query.Where(u => codes.Contains(u.Code)).ToListAsync(ct)).GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportError>();
        for (var i = 0; i < rows.Count; i++)
        {
            var code = codeOf(rows[i]);
            if (!units.TryGetValue(code, out var matches))
            {
                errors.Add(new ImportError(i + 1, "code", $"no current unit with code {code}" + (withinCode is null ? "" : $" in {withinCode}"), "record"));
            }
            else if (matches.Count > 1)
            {
                errors.Add(new ImportError(i + 1, "code", $"code {code} matches {matches.Count} current units", "record"));
            }
        }

        if (errors.Count > 0)
        {
            return ImportOutcome.Failed(errors);
        }

        return await InTransactionAsync(db, async () =>
        {
            var updated = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                updated += apply(units[codeOf(rows[i])][0], rows[i]) ? 1 : 0;
                if ((i + 1) % BatchSize == 0 || i == rows.Count - 1)
                {
                    await db.SaveChangesAsync(ct);
                    progress?.Report(i + 1);
                }
            }

            return new ImportOutcome(0, updated, rows.Count - updated, []);
        }, ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction (or the caller's). A failed outcome or an
    /// exception rolls back and forgets the tracked changes, so the context stays usable.
    /// </summary>
    internal static async Task<ImportOutcome> InTransactionAsync(PtdsDbContext db, Func<Task<ImportOutcome>> work, CancellationToken ct)
    {
        // Inside the caller's transaction the caller decides; a failed outcome is returned for it to roll back.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var outcome = await work();
            if (own is not null)
            {
                if (outcome.IsSuccess)
                {
                    await own.CommitAsync(ct);
                }
                else
                {
                    await own.RollbackAsync(CancellationToken.None);
                    db.ChangeTracker.Clear();
                }
            }

            return outcome;
        }
        catch when (own is not null)
        {
            await own.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private static async Task<Dictionary<string, List<AdministrativeUnit>>> LoadByCodeAsync(PtdsDbContext db, List<string> codes, CancellationToken ct)
    {
        var result = new Dictionary<string, List<AdministrativeUnit>>(StringComparer.Ordinal);
        // Chunks keep the IN list within every provider's parameter limit.
        foreach (var chunk in codes.Chunk(500))
        {
            foreach (var unit in await db.Units.Where(u => chunk.Contains(u.Code)).ToListAsync(ct))
            {
                if (!result.TryGetValue(unit.Code, out var list))
                {
                    result[unit.Code] = list = [];
                }

                list.Add(unit);
            }
        }

        return result;
    }

    private static List<(int Index, UnitRow Row)> OrderParentsFirst(IReadOnlyList<UnitRow> rows, List<ImportError> errors)
    {
        var byCode = rows.Select((r, i) => (r, i)).GroupBy(x => x.r.Code).ToDictionary(g => g.Key, g => g.ToList());
        var depth = new Dictionary<int, int>();
        int DepthOf(int index, int guard)
        {
            if (depth.TryGetValue(index, out var d))
            {
                return d;
            }

            if (guard > rows.Count)
            {
                errors.Add(new ImportError(index + 1, "parent_code", "the parent chain loops", "record"));
                return depth[index] = 0;
            }

            var row = rows[index];
            var parent = row.ParentCode is not null && byCode.TryGetValue(row.ParentCode, out var candidates)
                ? candidates.Where(c => Overlaps(c.r, row)).Select(c => (int?)c.i).FirstOrDefault()
                : null;
            return depth[index] = parent is null ? 0 : DepthOf(parent.Value, guard + 1) + 1;
        }

        return rows.Select((r, i) => (Index: i, Row: r, Depth: DepthOf(i, 0))).OrderBy(x => x.Depth).ThenBy(x => x.Index).Select(x => (x.Index, x.Row)).ToList();
    }

    private static AdministrativeUnit? ResolveParent(UnitRow row, ILookup<string, UnitRow> rows, Dictionary<UnitRow, AdministrativeUnit> written,
        Dictionary<string, List<AdministrativeUnit>> existing, DateOnly today)
    {
        var inFile = rows[row.ParentCode!].FirstOrDefault(r => Overlaps(r, row) && written.ContainsKey(r));
        if (inFile is not null)
        {
            return written[inFile];
        }

        return existing.TryGetValue(row.ParentCode!, out var list) ? list.FirstOrDefault(u => Overlaps(u, row, today)) : null;
    }

    /// <summary>A parent written in an earlier batch is referenced by id (it is no longer tracked); one in this batch by navigation.</summary>
    private static AdministrativeUnit New(UnitRow row, AdministrativeUnit? parent) => new()
    {
        Code = row.Code,
        Parent = parent?.Id is > 0 ? null : parent,
        ParentId = parent?.Id is > 0 ? parent.Id : null,
        Kind = row.Kind,
        Level = UnitLevels.LevelOf(row.Kind),
        Name = row.Name,
        NameEn = row.NameEn,
        FullName = row.FullName,
        FullNameEn = row.FullNameEn,
        Population = row.Population,
        Households = row.Households,
        AreaKm2 = row.AreaKm2,
        ValidFrom = row.ValidFrom,
        ValidTo = row.ValidTo,
    };

    /// <summary>Copies the row onto the unit; optional figures the row leaves empty keep their stored value.</summary>
    private static bool Update(AdministrativeUnit unit, UnitRow row, AdministrativeUnit? parent)
    {
        var before = (unit.ParentId, unit.Kind, unit.Name, unit.NameEn, unit.FullName, unit.FullNameEn, unit.Population, unit.Households, unit.AreaKm2, unit.ValidFrom, unit.ValidTo);
        // A parent added in this import has no id yet: the navigation lets EF fill the key.
        if (parent is { Id: 0 })
        {
            unit.Parent = parent;
        }
        else if (parent is not null && parent.Id != unit.ParentId)
        {
            unit.ParentId = parent.Id;
        }

        unit.Kind = row.Kind;
        unit.Level = UnitLevels.LevelOf(row.Kind);
        unit.Name = row.Name;
        unit.NameEn = row.NameEn ?? unit.NameEn;
        unit.FullName = row.FullName;
        unit.FullNameEn = row.FullNameEn ?? unit.FullNameEn;
        unit.Population = row.Population ?? unit.Population;
        unit.Households = row.Households ?? unit.Households;
        unit.AreaKm2 = row.AreaKm2 ?? unit.AreaKm2;
        unit.ValidFrom = row.ValidFrom ?? unit.ValidFrom;
        unit.ValidTo = row.ValidTo ?? unit.ValidTo;
        return before != (unit.ParentId, unit.Kind, unit.Name, unit.NameEn, unit.FullName, unit.FullNameEn, unit.Population, unit.Households, unit.AreaKm2, unit.ValidFrom, unit.ValidTo);
    }

    private static bool Overlaps(UnitRow a, UnitRow b) =>
        (a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue) && (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue);

    /// <summary>A row without dates means "now": it matches units valid today, not yesterday's holder of the code.</summary>
    private static bool Overlaps(AdministrativeUnit unit, UnitRow row, DateOnly today)
    {
        var from = row.ValidFrom ?? (row.ValidTo is null ? today : DateOnly.MinValue);
        var to = row.ValidTo ?? DateOnly.MaxValue;
        return (unit.ValidFrom ?? DateOnly.MinValue) <= to && from <= (unit.ValidTo ?? DateOnly.MaxValue);
    }
}
