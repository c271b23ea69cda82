using CivilDefense.Core.Geography;
using CivilDefense.Core.Geography.Import;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class ApplyUnitImportTests
{
    [Fact]
    public async Task ApplyUnitsAsync_NewTree_AddsWithPathsAndReportsProgress()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.Open();
        var reported = new List<int>();

        var outcome = await ApplyUnitImport.ApplyUnitsAsync(db, [Row("25459", "80"), Row("80", null, UnitKind.Province)], new Recorder(reported));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(2, outcome.Added);
        Assert.Equal([2], reported);
        await using var check = database.Open();
        var province = await check.Units.SingleAsync(u => u.Code == "80");
        var commune = await check.Units.SingleAsync(u => u.Code == "25459");
        Assert.Equal($"{province.Path}{commune.Id}/", commune.Path);
    }

    [Fact]
    public async Task ApplyUnitsAsync_SameCodesAgain_UpdatesInsteadOfAdding()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await ApplyUnitImport.ApplyUnitsAsync(db, [Row("80", null, UnitKind.Province)]);
        }

        await using var again = database.Open();
        var outcome = await ApplyUnitImport.ApplyUnitsAsync(again, [Row("80", null, UnitKind.Province) with { Name = "Tây Ninh mới", Population = 5 }]);

        Assert.Equal((0, 1), (outcome.Added, outcome.Updated));
        Assert.Equal("Tây Ninh mới", (await database.Open().Units.SingleAsync()).Name);
    }

    [Fact]
    public async Task ApplyUnitsAsync_FailureInLaterBatch_LeavesDatabaseUnchanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await ApplyUnitImport.ApplyUnitsAsync(db, [Row("80", null, UnitKind.Province)]);
        }

        var rows = new List<UnitRow> { Row("81", null, UnitKind.Province) };
        rows.AddRange(Enumerable.Range(0, 150).Select(i => Row($"9{i:D4}", "81")));
        await using (var db = database.Open())
        {
            // The first batch of 100 is written before the progress report throws: it must be rolled back.
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                ApplyUnitImport.ApplyUnitsAsync(db, rows, new Throwing()));
        }

        await using var check = database.Open();
        Assert.Equal(1, await check.Units.CountAsync());
        Assert.Equal(1, await check.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ApplyPopulationAsync_UnknownCode_AppliesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            await ApplyUnitImport.ApplyUnitsAsync(db, [Row("80", null, UnitKind.Province), Row("25459", "80")]);
        }

        await using (var db = database.Open())
        {
            var outcome = await ApplyUnitImport.ApplyPopulationAsync(db, [new("25459", null, 10, null), new("99999", null, 20, null)], 2019, "80");

            var error = Assert.Single(outcome.Errors);
            Assert.Equal((2, "code"), (error.Line, error.Field));
        }

        Assert.Null((await database.Open().Units.SingleAsync(u => u.Code == "25459")).Population);
    }

    private static UnitRow Row(string code, string? parent, UnitKind kind = UnitKind.Commune) => new(code, parent, kind, "U" + code, null, "Unit " + code, null);

    private sealed class Recorder(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }

    private sealed class Throwing : IProgress<int>
    {
        public void Report(int value) => throw new InvalidOperationException("stop after the first batch");
    }
}
