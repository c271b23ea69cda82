using System.Reflection;
using CivilDefense.Core.Data;
using Xunit.Sdk;

namespace CivilDefense.Core.Tests.TestSupport;

/// <summary>Runs a theory on SQLite: <c>[Theory, OnSqlite, OnPostgres]</c> gives one row per provider.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>
/// Runs a theory on PostgreSQL. Without PTDS_TEST_POSTGRES the case fails (TestDatabase says why);
/// with PTDS_ALLOW_NO_POSTGRES=1 it is reported as skipped instead. The decision is made here,
/// at discovery, because xUnit v2 can only skip a whole data attribute, not a row at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable))
            && Environment.GetEnvironmentVariable(TestDatabase.AllowNoPostgresVariable) == "1")
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set and {TestDatabase.AllowNoPostgresVariable}=1.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
