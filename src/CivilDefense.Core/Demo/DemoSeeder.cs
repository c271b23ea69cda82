using System.Diagnostics;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Geography.Import;
using CivilDefense.Core.Readiness;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Demo;

/// <summary>What the demo seed wrote (all zero when the database already had units).</summary>
public sealed record DemoSeedResult(
    bool Seeded,
    int Provinces,
    int Communes,
    int TayNinhCommunesWithBoundary,
    int OldUnits,
    int Successions,
    int Organizations,
    int CommandBoards,
    int BoardMembers,
    int DutyShifts,
    TimeSpan Elapsed,
    int ReadinessRecords = 0);

/// <summary>
/// Loads the demo territory from the shipped data (data/demo, copied to the build output): the
/// whole country after the 2025 reform, the new Tây Ninh (80) in detail with its pre-reform
/// predecessors (old Long An, also 80, and old Tây Ninh, 72) and their successions, and
/// placeholder organisations, command boards and a week of duty shifts. Runs only on a database
/// without units, in one transaction, as whichever actor the context has (normally the system).
/// </summary>
public static class DemoSeeder
{
    public const string ProvinceCode = "80";
    public const string OldTayNinhCode = "72";
    public const string RootCode = "VN";
    public const int PopulationYear = 2019;

    public static readonly DateOnly ReformDate = new(2025, 7, 1);
    public static readonly DateOnly LastDayBeforeReform = new(2025, 6, 30);

    /// <summary>Where the build puts data/demo.</summary>
    public static string DefaultDataDirectory => Path.Combine(AppContext.BaseDirectory, "demo");

    /// <summary>Seeds when the database has no units; otherwise does nothing and says so.</summary>
    /// <param name="progress">Receives a line per stage, for a console or a log.</param>
    /// <exception cref="InvalidDataException">A demo file does not parse (the message lists the errors).</exception>
    public static async Task<DemoSeedResult> SeedAsync(PtdsDbContext db, string? dataDirectory = null, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        if (await db.Units.IgnoreQueryFilters().AnyAsync(ct))
        {
            // A database seeded before the readiness norms existed gets them now.
            await SeedReadinessNormsAsync(db, progress, ct);
            return new DemoSeedResult(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, clock.Elapsed);
        }

        var files = DemoFiles.Load(dataDirectory ?? DefaultDataDirectory);
        progress?.Report("Demo files read and checked.");

        // Automatic change detection stays on: the write guard bumps versions after its own DetectChanges.
        // Instead the tracker is cleared between stages, so the guard's per-entry lookups stay cheap.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var territory = await SeedTerritoryAsync(db, files, progress, ct);
            var (oldUnits, successions) = await SeedHistoryAsync(db, files, territory, ct);
            progress?.Report($"Pre-reform units: {oldUnits}, successions: {successions}.");
            db.ChangeTracker.Clear();
            var people = await DemoOrganizations.SeedAsync(db, territory.Province, territory.Communes, ct);
            progress?.Report($"Organisations: {people.Organizations}, command boards: {people.Boards}, members: {people.Members}, duty shifts: {people.Shifts}.");
            db.ChangeTracker.Clear();
            var readiness = await DemoReadiness.SeedAsync(db, territory.Communes, ct);
            progress?.Report($"Readiness registry: {readiness} forces, equipment lots, supplies, logistics points and shelters.");
            await SeedReadinessNormsAsync(db, progress, ct);
            db.ChangeTracker.Clear();
            var planTasks = await DemoPlans.SeedAsync(db, dataDirectory ?? DefaultDataDirectory, territory.Province, ct);
            progress?.Report($"Plans: {planTasks} tasks imported from the demo plan documents.");
            db.ChangeTracker.Clear();
            var stations = await DemoMonitoring.SeedAsync(db, dataDirectory ?? DefaultDataDirectory, territory.Province, ct);
            progress?.Report($"Monitoring: {stations} stations with their alarm levels, and the stated risk rules.");
            db.ChangeTracker.Clear();
            var subscribers = await DemoSubscribers.SeedAsync(db, territory.Province, territory.Communes, ct);
            progress?.Report($"Alert recipients: {subscribers} (residents in every commune, duty contacts of the province's bodies, the duty officer).");
            await transaction.CommitAsync(ct);
            return new DemoSeedResult(true, territory.Provinces, territory.CommuneCount, territory.Communes.Count(c => c.Boundary is not null),
                oldUnits, successions, people.Organizations, people.Boards, people.Members, people.Shifts, clock.Elapsed, readiness);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private sealed record Territory(int Provinces, int CommuneCount, AdministrativeUnit Root, AdministrativeUnit Province, IReadOnlyList<AdministrativeUnit> Communes);

    private static async Task<Territory> SeedTerritoryAsync(PtdsDbContext db, DemoFiles files, IProgress<string>? progress, CancellationToken ct)
    {
        UnitRow[] rows = [new(RootCode, null, UnitKind.Country, "Việt Nam", "Viet Nam", "Việt Nam", "Viet Nam"), .. files.Units];
        Check(await ApplyUnitImport.ApplyUnitsAsync(db, rows, null, ct), "units");
        progress?.Report($"Units: {rows.Length} (country, 34 provinces, communes).");
        db.ChangeTracker.Clear();

        Check(await ApplyUnitImport.ApplyCentroidsAsync(db, files.Centroids, ProvinceCode, null, ct), "centroids");
        Check(await ApplyUnitImport.ApplyBoundariesAsync(db, [.. files.CommuneBoundaries, .. files.ProvinceBoundary], ProvinceCode, null, ct), "boundaries");
        Check(await ApplyUnitImport.ApplyPopulationAsync(db, files.Population, PopulationYear, ProvinceCode, null, ct), "population");

        var root = await db.Units.SingleAsync(u => u.Code == RootCode, ct);
        var province = await db.Units.SingleAsync(u => u.Code == ProvinceCode && u.ParentId == root.Id, ct);
        var communes = await db.Units.Where(u => u.ParentId == province.Id).OrderBy(u => u.Code).ToListAsync(ct);

        // The province's own figures: the sum of its communes (same census), its outline's stated area.
        province.Population = communes.Sum(c => c.Population);
        province.PopulationYear = PopulationYear;
        province.AreaKm2 = files.ProvinceBoundary.FirstOrDefault()?.StatedAreaKm2 ?? province.AreaKm2;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        progress?.Report($"Tây Ninh: {communes.Count} communes with boundaries, centroids and {PopulationYear} population {province.Population:N0}.");

        return new Territory(files.Units.Count(u => u.ParentCode == RootCode), files.Units.Count(u => u.ParentCode != RootCode), root, province, communes);
    }

    /// <summary>Old Long An (80) and old Tây Ninh (72) with their communes, valid until the reform, and what became of each.</summary>
    private static async Task<(int Units, int Successions)> SeedHistoryAsync(PtdsDbContext db, DemoFiles files, Territory territory, CancellationToken ct)
    {
        var communeRows = files.Mapping
            .Where(r => r.Level == 3 && r.OldProvinceCode is ProvinceCode or OldTayNinhCode && r.NewProvinceCode == ProvinceCode)
            .ToList();
        var oldProvinces = new Dictionary<string, AdministrativeUnit>
        {
            [ProvinceCode] = Old(ProvinceCode, "Tỉnh Long An", "Long An", territory.Root, UnitKind.Province),
            [OldTayNinhCode] = Old(OldTayNinhCode, "Tỉnh Tây Ninh", "Tay Ninh", territory.Root, UnitKind.Province),
        };
        var oldCommunes = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        foreach (var row in communeRows.Where(r => !oldCommunesContains(r.OldCode)))
        {
            var fullName = row.OldName ?? row.OldCode;
            var kind = UnitKindNames.TryParseFromFullName(fullName, out var k) ? k : UnitKind.Commune;
            oldCommunes[row.OldCode] = Old(row.OldCode, fullName, null, oldProvinces[row.OldProvinceCode!], kind);
        }

        bool oldCommunesContains(string code) => oldCommunes.ContainsKey(code);

        db.Units.AddRange(oldProvinces.Values);
        db.Units.AddRange(oldCommunes.Values);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var newCommunes = territory.Communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var successions = oldProvinces.Values
            .Select(p => new UnitSuccession { PredecessorId = p.Id, SuccessorId = territory.Province.Id, IsPartial = false, EffectiveOn = ReformDate })
            .ToList();
        foreach (var row in communeRows)
        {
            if (!newCommunes.TryGetValue(row.NewCode, out var successor))
            {
                throw new InvalidDataException($"The mapping sends {row.OldCode} to {row.NewCode}, which is not a commune of the new province {ProvinceCode}.");
            }

            successions.Add(new UnitSuccession
            {
                PredecessorId = oldCommunes[row.OldCode].Id,
                SuccessorId = successor.Id,
                IsPartial = row.IsPartial,
                EffectiveOn = ReformDate,
                Note = row.Note,
            });
        }

        db.UnitSuccessions.AddRange(successions);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        return (oldProvinces.Count + oldCommunes.Count, successions.Count);
    }

    /// <summary>A pre-reform unit: the mapping gives only the full name, so the short name drops the kind word.</summary>
    private static AdministrativeUnit Old(string code, string fullName, string? nameEn, AdministrativeUnit parent, UnitKind kind)
    {
        var name = fullName;
        foreach (var prefix in new[] { "Tỉnh ", "Thị trấn ", "Phường ", "Xã " })
        {
            if (fullName.StartsWith(prefix, StringComparison.Ordinal))
            {
                name = fullName[prefix.Length..];
                break;
            }
        }

        return new AdministrativeUnit
        {
            Code = code,
            Parent = parent,
            ParentId = parent.Id,
            Kind = kind,
            Level = UnitLevels.LevelOf(kind),
            Name = name,
            NameEn = nameEn,
            FullName = fullName,
            ValidTo = LastDayBeforeReform,
        };
    }

    private static async Task SeedReadinessNormsAsync(PtdsDbContext db, IProgress<string>? progress, CancellationToken ct)
    {
        var province = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Code == ProvinceCode && u.Kind == UnitKind.Province && u.ValidTo == null)
            .Select(u => new AdministrativeUnit { Id = u.Id, Code = u.Code, Name = u.Name, FullName = u.FullName, Kind = u.Kind, ParentId = u.ParentId })
            .SingleOrDefaultAsync(ct);
        if (province is null)
        {
            return;
        }

        // Runs on every start: the communes without their boundaries (megabytes the check does not need).
        var communes = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.ParentId == province.Id)
            .Select(u => new AdministrativeUnit { Id = u.Id, Code = u.Code, Name = u.Name, FullName = u.FullName, Kind = u.Kind, ParentId = u.ParentId })
            .ToListAsync(ct);
        var seeded = await ReadinessSeed.SeedDemoAsync(db, province, communes, ct);
        if (seeded.Norms + seeded.Profiles > 0)
        {
            progress?.Report($"Readiness: {seeded.Norms} default norms, {seeded.Profiles} commune hazard profiles.");
        }
    }

    private static void Check(ImportOutcome outcome, string what)
    {
        if (!outcome.IsSuccess)
        {
            throw new InvalidDataException($"The demo {what} do not apply: " + string.Join("; ", outcome.Errors.Take(10)));
        }
    }
}
