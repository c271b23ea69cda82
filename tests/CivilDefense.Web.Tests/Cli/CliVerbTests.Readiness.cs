using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Cli;

/// <summary>import-readiness and export-readiness, on the same migrated SQLite file as the other verbs.</summary>
public sealed partial class CliVerbTests
{
    [Fact]
    public async Task Import_checks_with_dry_run_then_imports_and_exports_back_and_a_bad_file_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("ptds_cli_r_").FullName;
        var good = Path.Combine(folder, "points.csv");
        await File.WriteAllTextAsync(good, "unit_code,kind,name,latitude,longitude\n27700,Depot,Kho phường Tân An,10.54,106.41\n25480,Kitchen,Bếp ăn xã Tân Biên,,\n");
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllTextAsync(bad, "unit_code,kind,name\n27700,Depot,Kho 2\n99999,Bunker,\n");
        var exported = Path.Combine(folder, "out.xlsx");

        var dry = await RunAsync("import-readiness", "logistics-points", good, "--dry-run");
        var countAfterDry = await CountAsync();
        var real = await RunAsync("import-readiness", "logistics-points", good);
        var refused = await RunAsync("import-readiness", "logistics-points", bad);
        var export = await RunAsync("export-readiness", "logistics-points", exported);
        var reimport = await RunAsync("import-readiness", "logistics-points", exported);

        Assert.Equal((0, 0), (dry.Code, countAfterDry));
        Assert.Contains("2 new", dry.Output);
        Assert.Equal(0, real.Code);
        Assert.Equal(1, refused.Code);
        Assert.Contains("row 3, field unit_code", refused.Error);
        Assert.Contains("row 3, field kind", refused.Error);
        Assert.Contains("row 3, field name", refused.Error);
        Assert.Equal(0, export.Code);
        Assert.Contains("0 new, 2 updated", reimport.Output);
        Assert.Equal(2, await CountAsync());
        Directory.Delete(folder, recursive: true);
    }

    private async Task<int> CountAsync()
    {
        await using var db = Open();
        return await db.LogisticsPoints.CountAsync();
    }
}
