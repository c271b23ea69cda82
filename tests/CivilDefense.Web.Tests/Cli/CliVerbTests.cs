using CivilDefense.Cli;
using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Cli;

/// <summary>The user and audit verbs, run in-process on a SQLite file migrated by the migrate verb.</summary>
public sealed partial class CliVerbTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "ptds_cli_" + Guid.NewGuid().ToString("N")[..12] + ".db");

    private string Connection => $"Data Source={_file};Pooling=False";

    public async Task InitializeAsync()
    {
        var (code, _, error) = await RunAsync("migrate");
        Assert.True(code == 0, error);
        await using var db = Open();
        await TestWorld.SeedAsync(db);
    }

    public Task DisposeAsync()
    {
        File.Delete(_file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CreateUser_WithoutPassword_PrintsOneThatSignsIn()
    {
        var (code, output, _) = await RunAsync("create-user", "--user-name", "cli-officer", "--role", "Officer", "--unit-code", "27700", "--display-name", "Lê Văn C");

        Assert.Equal(0, code);
        var password = output.Split('\n').Single(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..].Trim();
        await using var db = Open();
        var user = await db.Users.SingleAsync(u => u.UserName == "cli-officer");
        Assert.Equal("Lê Văn C", user.DisplayName);
        Assert.True(Passwords.Verify(user, password));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "User" && a.Action == "Create" && a.Actor == "system"));
    }

    [Fact]
    public async Task CreateUser_GivenPassword_IsNotPrinted_AndErrorsGoToStderrWithExitCode1()
    {
        var (ok, okOutput, _) = await RunAsync("create-user", "--user-name", "cli-viewer", "--role", "Viewer", "--unit-code", "80", "--password", "a-long-enough-password");
        var (duplicate, _, duplicateError) = await RunAsync("create-user", "--user-name", "cli-viewer", "--role", "Viewer", "--unit-code", "80");
        var (unknownUnit, _, unitError) = await RunAsync("create-user", "--user-name", "cli-x", "--role", "Viewer", "--unit-code", "99999");
        var (weak, _, weakError) = await RunAsync("create-user", "--user-name", "cli-y", "--role", "Viewer", "--unit-code", "80", "--password", "short");

        Assert.Equal(0, ok);
        Assert.DoesNotContain("a-long-enough-password", okOutput);
        Assert.Equal(1, duplicate);
        Assert.Contains("taken", duplicateError);
        Assert.Equal(1, unknownUnit);
        Assert.Contains("99999", unitError);
        Assert.Equal(1, weak);
        Assert.Contains("Password", weakError);
    }

    [Fact]
    public async Task ResetPassword_PrintsNewPasswordAndUnlocks()
    {
        await using (var db = Open())
        {
            var viewer = await db.Users.SingleAsync(u => u.UserName == "viewer");
            viewer.LockoutEndsAt = DateTime.UtcNow.AddMinutes(10);
            viewer.FailedLoginCount = 3;
            await db.SaveChangesAsync();
        }

        var (code, output, _) = await RunAsync("reset-password", "--user-name", "viewer");
        var (missing, _, missingError) = await RunAsync("reset-password", "--user-name", "nobody");

        Assert.Equal(0, code);
        var password = output.Trim().Split(' ').Last();
        await using var check = Open();
        var user = await check.Users.SingleAsync(u => u.UserName == "viewer");
        Assert.Null(user.LockoutEndsAt);
        Assert.Equal(0, user.FailedLoginCount);
        Assert.True(Passwords.Verify(user, password));
        Assert.Equal(1, missing);
        Assert.Contains("nobody", missingError);
    }

    [Fact]
    public async Task ExportAudit_WritesHeaderAndRows_InTheDateRange()
    {
        var all = Path.Combine(Path.GetTempPath(), "ptds_audit_" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        var none = all.Replace(".csv", "-none.csv", StringComparison.Ordinal);
        try
        {
            var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var (code, output, _) = await RunAsync("export-audit", "--out", all, "--from", today, "--to", today);
            var (pastCode, _, _) = await RunAsync("export-audit", "--out", none, "--to", "2000-01-01");
            var (badCode, _, badError) = await RunAsync("export-audit", "--out", Path.Combine(all, "no", "such", "dir.csv"));

            Assert.Equal(0, code);
            await using var db = Open();
            var count = await db.AuditEntries.CountAsync();
            Assert.Contains($"Wrote {count} entries", output);
            var lines = await File.ReadAllLinesAsync(all);
            Assert.Equal(AuditCsv.Header, lines[0].TrimStart('\uFEFF'));
            Assert.Equal(count, lines.Length - 1);
            Assert.Equal(0, pastCode);
            Assert.Single(await File.ReadAllLinesAsync(none));
            Assert.Equal(1, badCode);
            Assert.NotEmpty(badError);
        }
        finally
        {
            File.Delete(all);
            File.Delete(none);
        }
    }

    private PtdsDbContext Open()
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = Connection }.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--provider", "Sqlite", "--connection", Connection], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
