using System.Text;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Demo;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;
using CivilDefense.Core.Shelters;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Resources;

public sealed class RegistryTests
{
    private static SupplyStockInput Rice(int unitId, double quantity = 500, int? owner = null) =>
        new(unitId, owner, SupplyCategory.Food, "Gạo", quantity, "kg", null, new DateOnly(2027, 1, 1));

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Records_are_scoped_to_the_unit_subtree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var system = database.Context(Actor.System))
        {
            Assert.True((await new CreateRecord(system).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneA.Id), default)).IsSuccess);
            Assert.True((await new CreateRecord(system).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneB.Id), default)).IsSuccess);
        }

        await using var a = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Viewer));
        await using var province = database.Context(TestTerritory.ActorAt(t.Province, Role.Viewer));
        var seenByA = await new ListRecords(a).HandleAsync(SupplyRegistry.Instance, new ListRecords.Query(), new PageQuery(), default);
        var bInA = await new ListRecords(a).HandleAsync(SupplyRegistry.Instance, new ListRecords.Query(t.CommuneB.Id), new PageQuery(), default);
        var seenByProvince = await new ListRecords(province).HandleAsync(SupplyRegistry.Instance, new ListRecords.Query(Category: "food"), new PageQuery(), default);

        Assert.Equal(t.CommuneA.Id, Assert.Single(seenByA.Value!.Items).UnitId);
        Assert.Empty(bInA.Value!.Items);
        Assert.Equal(2, seenByProvince.Value!.Total);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Officer_cannot_write_another_commune_and_liaison_only_its_organisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var officerA = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        await using var liaison = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, t.OrgA.Id));

        var intoB = await new CreateRecord(officerA).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneB.Id), default);
        var own = await new CreateRecord(liaison).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneA.Id, owner: t.OrgA.Id), default);
        await Assert.ThrowsAsync<AccessDeniedException>(() => new CreateRecord(liaison).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneA.Id, owner: t.OrgA2.Id), default));
        await Assert.ThrowsAsync<AccessDeniedException>(() => new CreateRecord(liaison).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneA.Id), default));

        // Handing its record to another organisation needs the right to write where it goes.
        var moved = Rice(t.CommuneA.Id, owner: t.OrgA2.Id) with { Version = own.Value!.Version };
        await Assert.ThrowsAsync<AccessDeniedException>(() => new UpdateRecord(liaison).HandleAsync(SupplyRegistry.Instance, own.Value.Id, moved, default));

        Assert.IsType<NotFoundError>(intoB.Error);
        Assert.True(own.IsSuccess);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Force_skills_follow_the_input_and_cannot_exceed_the_headcount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var input = new ForceInput(t.CommuneA.Id, null, ForceKind.ShockTeam, "Đội xung kích", 30, ForceReadiness.Ready, null, null, null, Swimming: 20, FirstAid: 5);

        var created = await new CreateRecord(db).HandleAsync(ForceRegistry.Instance, input, default);
        var updated = await new UpdateRecord(db).HandleAsync(ForceRegistry.Instance, created.Value!.Id, input with { Swimming = 0, BoatHandling = 4, Version = created.Value.Version }, default);
        var tooMany = await new CreateRecord(db).HandleAsync(ForceRegistry.Instance, input with { FirstAid = 31 }, default);

        Assert.Equal((20, 5, 0), (created.Value.Swimming, created.Value.FirstAid, created.Value.BoatHandling));
        Assert.Equal((0, 5, 4), (updated.Value!.Swimming, updated.Value.FirstAid, updated.Value.BoatHandling));
        Assert.Equal(2, await db.ForceSkills.CountAsync());
        Assert.Contains(nameof(ForceInput.Headcount), tooMany.Error!.FieldErrors!.Keys);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Bad_coordinates_and_negative_quantities_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var shelter = new ShelterInput(t.CommuneA.Id, null, ShelterKind.DualUseBuilding, BuildingUse.School, "Trường TH", 300, 48.85, 2.35);

        var abroad = await new CreateRecord(db).HandleAsync(ShelterRegistry.Instance, shelter, default);
        var halfLocated = await new CreateRecord(db).HandleAsync(ShelterRegistry.Instance, shelter with { Longitude = null, Latitude = 10.5 }, default);
        var negative = await new CreateRecord(db).HandleAsync(SupplyRegistry.Instance, Rice(t.CommuneA.Id, -1), default);

        Assert.IsType<ValidationError>(abroad.Error);
        Assert.IsType<ValidationError>(halfLocated.Error);
        Assert.Contains(nameof(SupplyStockInput.Quantity), negative.Error!.FieldErrors!.Keys);
        Assert.Equal(0, await db.Shelters.CountAsync() + await db.SupplyStocks.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Import_applies_nothing_when_one_row_is_wrong_and_reports_row_and_field(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        const string csv = """
            unit_code,type_code,quantity,condition,latitude,longitude,maintenance_due
            00001,BOAT-ALU,2,Good,10.9,106.5,2026-12-01
            00002,PUMP-S,1,Good,,,
            00001,NO-SUCH,-4,Broken,10.9,,2026-02-30
            """;

        var report = await new ImportRecords(db).HandleAsync(EquipmentRegistry.Instance, Stream(csv), RegistryFileFormat.Csv, dryRun: false, default);

        Assert.False(report.IsSuccess);
        Assert.Contains(report.Errors, e => e is { Line: 3, Field: "unit_code" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Field: "type_code" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Field: "quantity" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Field: "condition" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Field: "maintenance_due" });
        Assert.Contains(report.Errors, e => e is { Line: 4, Field: "longitude" });
        Assert.Equal(0, await db.EquipmentLots.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Export_then_import_updates_the_same_records_in_CSV_and_XLSX(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        await new CreateRecord(db).HandleAsync(LogisticsPointRegistry.Instance, new LogisticsPointInput(t.CommuneA.Id, t.OrgA.Id, LogisticsPointKind.Depot, "Kho xã A", 10.95, 106.4, "50 t"), default);
        await new CreateRecord(db).HandleAsync(LogisticsPointRegistry.Instance, new LogisticsPointInput(t.CommuneA.Id, null, LogisticsPointKind.Kitchen, "Bếp ăn, \"nhà văn hóa\"", null, null), default);

        foreach (var format in new[] { RegistryFileFormat.Csv, RegistryFileFormat.Xlsx })
        {
            using var file = new MemoryStream();
            var exported = await new ExportRecords(db).HandleAsync(LogisticsPointRegistry.Instance, new ListRecords.Query(), format, file, default);
            file.Position = 0;
            var report = await new ImportRecords(db).HandleAsync(LogisticsPointRegistry.Instance, file, format, dryRun: false, default);

            Assert.Equal(2, exported.Value);
            Assert.True(report.IsSuccess, string.Join("; ", report.Errors));
            Assert.Equal((0, 2), (report.Created, report.Updated));
        }

        var points = await db.LogisticsPoints.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["Kho xã A", "Bếp ăn, \"nhà văn hóa\""], points.Select(p => p.Name));
        Assert.Equal((10.95, 106.4, t.OrgA.Id), (points[0].Latitude!.Value, points[0].Longitude!.Value, points[0].OwnerOrganizationId!.Value));
    }

    [Fact]
    public void Generator_is_deterministic_and_meets_the_target()
    {
        GeneratorUnit[] units = [new(1, "A", 20_000, 11.0, 106.0), new(2, "B", null, null, null), new(3, "C", 5_000, 10.5, 106.5)];
        var types = new Dictionary<string, int> { ["BOAT-ALU"] = 1, ["LIFEJACKET"] = 2, ["PUMP-S"] = 3, ["GEN-S"] = 4, ["RESCUE-KIT"] = 5, ["FIRSTAID-KIT"] = 6, ["TENT-S"] = 7, ["LIFEBUOY"] = 8, ["PUMP-L"] = 9, ["BOAT-COMP"] = 10 };

        var first = ReadinessGenerator.Generate(units, 300, 7, types, new DateOnly(2026, 1, 1));
        var second = ReadinessGenerator.Generate(units, 300, 7, types, new DateOnly(2026, 1, 1));

        Assert.InRange(first.RecordCount, 240, 300);
        Assert.Equal(first.Shelters.Select(s => (s.UnitId, s.Name, s.Capacity, s.Latitude)), second.Shelters.Select(s => (s.UnitId, s.Name, s.Capacity, s.Latitude)));
        Assert.All(first.Shelters.Where(s => s.UnitId == 1), s => Assert.InRange(s.Latitude!.Value, 10.97, 11.03));
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
