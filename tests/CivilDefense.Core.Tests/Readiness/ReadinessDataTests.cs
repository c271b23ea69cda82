using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Readiness;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Shelters;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Readiness;

public sealed class ReadinessDataTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_commune_reads_its_provinces_norms_but_not_another_provinces(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var system = database.Context(Actor.System))
        {
            await ReadinessSeed.SeedDefaultNormsAsync(system, t.Province.Id, CancellationToken.None);
            var other = new Core.Geography.AdministrativeUnit { Code = "02", Name = "Tỉnh Hai", FullName = "Tỉnh Hai", Kind = Core.Geography.UnitKind.Province };
            system.Units.Add(other);
            await system.SaveChangesAsync();
            system.ReadinessNorms.Add(new ReadinessNorm { UnitId = other.Id, MetricKey = "pumps_per_commune", Component = ReadinessComponent.MeansAndMaterials, MeasureUnit = "pumps", Target = 9 });
            await system.SaveChangesAsync();
        }

        await using var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var seen = await new ListNorms(officer).HandleAsync(null, CancellationToken.None);

        Assert.Equal(DefaultNorms.Load().Count, seen.Count);
        Assert.All(seen, n => Assert.Equal((t.Province.Id, false), (n.UnitId, n.CanEdit)));
        var input = new NormInput(t.Province.Id, HazardProfile.General, "pumps_per_commune", 1, 1, "pumps", null, null, null);
        Assert.IsType<ForbiddenError>((await new CreateNorm(officer).HandleAsync(input, CancellationToken.None)).Error);
        Assert.IsType<ForbiddenError>((await new UpdateNorm(officer).HandleAsync(seen[0].Id, input, CancellationToken.None)).Error);

        await using var commander = database.Context(TestTerritory.ActorAt(t.Province, Role.Commander));
        Assert.NotNull((await new CreateNorm(commander).HandleAsync(input, CancellationToken.None)).Value);
        Assert.IsType<ValidationError>((await new CreateNorm(commander).HandleAsync(input with { UnitId = t.CommuneA.Id }, CancellationToken.None)).Error);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Facts_count_only_good_equipment_unexpired_supplies_and_usable_shelters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        var boat = await db.EquipmentTypes.SingleAsync(e => e.Code == "BOAT-ALU");
        var jacket = await db.EquipmentTypes.SingleAsync(e => e.Code == "LIFEJACKET");
        var composite = await db.EquipmentTypes.SingleAsync(e => e.Code == "BOAT-COMP");
        var force = new Force { UnitId = t.CommuneA.Id, Name = "Đội xung kích", Kind = ForceKind.ShockTeam, Headcount = 30 };
        force.Skills.AddRange([new ForceSkill { Skill = Skill.Swimming, CertifiedMembers = 12 }, new ForceSkill { Skill = Skill.FirstAid, CertifiedMembers = 7 }]);
        db.Forces.AddRange(force, new Force { UnitId = t.CommuneA.Id, Name = "Dân quân", Kind = ForceKind.Militia, Headcount = 20 }, new Force { UnitId = t.CommuneB.Id, Name = "Dân quân B", Kind = ForceKind.Militia, Headcount = 99 });
        db.EquipmentLots.AddRange(
            new EquipmentLot { UnitId = t.CommuneA.Id, EquipmentTypeId = boat.Id, Quantity = 2, Condition = AssetCondition.Good },
            new EquipmentLot { UnitId = t.CommuneA.Id, EquipmentTypeId = boat.Id, Quantity = 5, Condition = AssetCondition.NeedsRepair },
            new EquipmentLot { UnitId = t.CommuneA.Id, EquipmentTypeId = composite.Id, Quantity = 3, Condition = AssetCondition.Good },
            new EquipmentLot { UnitId = t.CommuneA.Id, EquipmentTypeId = jacket.Id, Quantity = 100, Condition = AssetCondition.Good });
        db.SupplyStocks.AddRange(
            new SupplyStock { UnitId = t.CommuneA.Id, Category = SupplyCategory.Food, ItemName = "Gạo", Quantity = 1.5, UnitOfMeasure = "t" },
            new SupplyStock { UnitId = t.CommuneA.Id, Category = SupplyCategory.Food, ItemName = "Gạo cũ", Quantity = 900, UnitOfMeasure = "kg", ExpiresOn = Today.AddDays(-1) },
            new SupplyStock { UnitId = t.CommuneA.Id, Category = SupplyCategory.Food, ItemName = "Mì gói", Quantity = 40, UnitOfMeasure = "thùng" },
            new SupplyStock { UnitId = t.CommuneA.Id, Category = SupplyCategory.DrinkingWater, ItemName = "Nước", Quantity = 600, UnitOfMeasure = "lít", ExpiresOn = Today });
        db.Shelters.AddRange(
            new Shelter { UnitId = t.CommuneA.Id, Name = "Trường", Capacity = 300, Condition = AssetCondition.Good },
            new Shelter { UnitId = t.CommuneA.Id, Name = "Nhà văn hóa hỏng", Capacity = 1000, Condition = AssetCondition.Unusable });
        db.LogisticsPoints.Add(new LogisticsPoint { UnitId = t.CommuneA.Id, Name = "Kho", Kind = LogisticsPointKind.Depot });
        await db.SaveChangesAsync();

        var units = await ReadinessFacts.CommunesUnderAsync(db, t.Province.Path, Today, CancellationToken.None);
        var facts = await ReadinessFacts.LoadAsync(db, units, DateTime.UtcNow, CancellationToken.None);
        var a = facts.Facts[t.CommuneA.Id];

        Assert.Equal([t.CommuneA.Id, t.CommuneB.Id], units.Select(u => u.Id).Order());
        Assert.Equal((2, 50, 12), (a.Forces, a.ForcesHeadcount, a.TrainedMembers));
        Assert.Equal(5.0, a.Equipment[nameof(EquipmentCategory.Boat)]); // two boat types, one category
        Assert.Equal(100.0, a.Equipment[nameof(EquipmentCategory.LifeJacket)]);
        Assert.Equal(1_500.0, a.Supplies[nameof(SupplyCategory.Food)]);
        Assert.Equal(600.0, a.Supplies[nameof(SupplyCategory.DrinkingWater)]);
        Assert.Equal((300, 1), (a.ShelterPlaces, a.LogisticsPoints));
        Assert.Equal((1, 99), (facts.Facts[t.CommuneB.Id].Forces, facts.Facts[t.CommuneB.Id].ForcesHeadcount));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_commune_has_a_plan_in_force_once_its_own_plan_is_issued(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        db.Plans.AddRange(
            new Core.Plans.Plan { UnitId = t.Province.Id, Title = "Kế hoạch của tỉnh", IssuedOn = Today.AddDays(-30) },
            new Core.Plans.Plan { UnitId = t.CommuneA.Id, Title = "Kế hoạch của xã A", IssuedOn = Today.AddDays(-1) },
            new Core.Plans.Plan { UnitId = t.CommuneB.Id, Title = "Kế hoạch của xã B, chưa ban hành", IssuedOn = Today.AddDays(10) });
        await db.SaveChangesAsync();

        var units = await ReadinessFacts.CommunesUnderAsync(db, t.Province.Path, Today, CancellationToken.None);
        var facts = await ReadinessFacts.LoadAsync(db, units, DateTime.UtcNow, CancellationToken.None);

        // The province's plan is not a commune's own; a plan dated ahead is not yet in force.
        Assert.True(facts.Facts[t.CommuneA.Id].PlanInForce);
        Assert.False(facts.Facts[t.CommuneB.Id].PlanInForce);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Snapshots_keep_one_point_per_unit_and_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var system = database.Context(Actor.System))
        {
            await ReadinessSeed.SeedDefaultNormsAsync(system, t.Province.Id, CancellationToken.None);
        }

        await using var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        Assert.Equal(1, (await new RecordSnapshots(officer).HandleAsync(t.CommuneA.Id, "count", CancellationToken.None)).Value);
        Assert.Equal(1, (await new RecordSnapshots(officer).HandleAsync(t.CommuneA.Id, "manual", CancellationToken.None)).Value);
        Assert.IsType<NotFoundError>((await new RecordSnapshots(officer).HandleAsync(t.CommuneB.Id, "manual", CancellationToken.None)).Error);

        var trend = (await new GetUnitScorecard(officer).HandleAsync(t.CommuneA.Id, CancellationToken.None)).Value!.Trend;
        Assert.Equal("manual", Assert.Single(trend).Trigger);
    }
}
