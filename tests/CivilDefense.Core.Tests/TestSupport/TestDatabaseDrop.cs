using Npgsql;

namespace CivilDefense.Core.Tests.TestSupport;

/// <summary>Drops a test's PostgreSQL database (shared by the Core and Web test helpers).</summary>
public static class TestDatabaseDrop
{
    public static async Task DropAsync(string adminConnectionString, string database)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // FORCE may not terminate an autovacuum worker (a superuser's process) that
                // happens to be in the database when the test role is not a superuser; the
                // worker finishes within moments (seen in CI, in both test projects).
                await Task.Delay(250);
            }
        }
    }
}
