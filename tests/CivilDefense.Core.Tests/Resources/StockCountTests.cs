using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;
using CivilDefense.Core.Resources.StockCounts;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Resources;

public sealed class StockCountTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Count_previews_the_differences_then_applies_them_and_stays_in_the_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var (riceId, boatsId) = await SeedItemsAsync(db, t.CommuneA.Id);

        var draft = await new SubmitStockCount(db).HandleAsync(new SubmitStockCount.Input(t.CommuneA.Id, new DateOnly(2026, 6, 1), "Quý II",
            [new(StockItemKind.Supply, riceId, 420), new(StockItemKind.Equipment, boatsId, 3)]), default);
        var preview = draft.Value!.Lines.ToDictionary(l => l.ItemKind);
        Assert.Equal((500.0, 420.0, -80.0), (preview[StockItemKind.Supply].Before!.Value, preview[StockItemKind.Supply].After, preview[StockItemKind.Supply].Delta!.Value));
        Assert.Equal(1.0, preview[StockItemKind.Equipment].Delta);
        Assert.Equal(500, (await db.SupplyStocks.AsNoTracking().SingleAsync()).Quantity);

        var stale = await new ApplyStockCount(db).HandleAsync(draft.Value.Id, draft.Value.Version + 1, default);
        var applied = await new ApplyStockCount(db).HandleAsync(draft.Value.Id, draft.Value.Version, default);
        var again = await new ApplyStockCount(db).HandleAsync(draft.Value.Id, applied.Value!.Version, default);
        var history = await new ListStockCounts(db).HandleAsync(t.CommuneA.Id, new PageQuery(), default);

        Assert.IsType<ConflictError>(stale.Error);
        Assert.Equal(StockCountState.Applied, applied.Value.State);
        Assert.Equal(-80, applied.Value.Lines.Single(l => l.ItemKind == StockItemKind.Supply).Delta);
        Assert.IsType<ValidationError>(again.Error);
        Assert.Equal(420, (await db.SupplyStocks.AsNoTracking().SingleAsync()).Quantity);
        Assert.Equal(3, (await db.EquipmentLots.AsNoTracking().SingleAsync()).Quantity);
        Assert.Equal(StockCountState.Applied, Assert.Single(history.Items).State);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Batch_is_refused_whole_when_a_line_is_wrong_or_out_of_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        int riceB;
        await using (var system = database.Context(Actor.System))
        {
            riceB = (await SeedItemsAsync(system, t.CommuneB.Id)).RiceId;
        }

        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var (riceA, _) = await SeedItemsAsync(db, t.CommuneA.Id);

        var mixed = await new SubmitStockCount(db).HandleAsync(new SubmitStockCount.Input(t.CommuneA.Id, new DateOnly(2026, 6, 1), null,
            [new(StockItemKind.Supply, riceA, 400), new(StockItemKind.Supply, riceB, 1), new(StockItemKind.Supply, riceA, -2)]), default);
        var otherUnit = await new SubmitStockCount(db).HandleAsync(new SubmitStockCount.Input(t.CommuneB.Id, new DateOnly(2026, 6, 1), null,
            [new(StockItemKind.Supply, riceB, 1)]), default);

        Assert.Equal(["lines[1]", "lines[2]"], mixed.Error!.FieldErrors!.Keys.Order());
        Assert.IsType<NotFoundError>(otherUnit.Error);
        Assert.Equal(0, await db.StockCounts.IgnoreQueryFilters().CountAsync());
    }

    private static async Task<(int RiceId, int BoatsId)> SeedItemsAsync(PtdsDbContext db, int unitId)
    {
        var rice = await new CreateRecord(db).HandleAsync(SupplyRegistry.Instance, new SupplyStockInput(unitId, null, SupplyCategory.Food, "Gạo", 500, "kg", null, null), default);
        var boatType = await db.EquipmentTypes.Where(x => x.Code == "BOAT-ALU").Select(x => x.Id).SingleAsync();
        var boats = await new CreateRecord(db).HandleAsync(EquipmentRegistry.Instance, new EquipmentLotInput(unitId, null, boatType, 2, AssetCondition.Good, "Kho", null, null, null), default);
        return (rice.Value!.Id, boats.Value!.Id);
    }
}
