using System.Diagnostics;
using System.Globalization;
using CivilDefense.Bench.Monitoring;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

// Usage: dotnet MonitoringBench.dll <postgres admin connection> [stations] [days] [stations per batch]
// A batch of 20 stations x 7 days is 80,640 observations, under the handler's limit of 100,000 per request.
// Ingests a backfill burst through the product's handler (JSON parse, per-item checks, idempotent
// set-based upsert, one audit entry per batch, risk evaluation and drafts, one transaction per
// batch), then a plain binary COPY of the same rows into the emptied table, and reports both rates.
var admin = args[0];
var stationCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 7;
var perBatch = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var steps = days * ObservationGenerator.StepsPerDay;
var rows = (long)stationCount * steps * 2;

var name = "ptds_mon_bench_" + Environment.ProcessId;
await ExecuteAsync(admin, $"CREATE DATABASE {name}");
var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString };
try
{
    var (codes, province) = await ArrangeAsync(options, stationCount);
    var actor = new Actor("bench-commander", Role.Commander, province.Id, province.Path);
    Console.WriteLine($"Burst: {stationCount:N0} stations x 2 variables x {days} days at 5 min = {rows:N0} observations, {perBatch} stations ({perBatch * steps * 2:N0} observations) per batch.");

    // A running server has compiled its code long before a backfill arrives: one station's previous
    // day goes through the same handler first, untimed, so the figure is not the JIT's.
    await using (var warm = Open(options, actor))
    {
        var body = ObservationGenerator.Json([(0, codes[0])], ObservationGenerator.StepsPerDay, -ObservationGenerator.StepsPerDay);
        await new IngestObservations(warm).HandleJsonAsync(body, "warm-up", CancellationToken.None);
    }

    var ingest = TimeSpan.Zero;
    var parse = TimeSpan.Zero;
    long accepted = 0;
    var raised = 0;
    double? liveLatencyMs = null;
    for (var start = 0; start < stationCount; start += perBatch)
    {
        var batch = Enumerable.Range(start, Math.Min(perBatch, stationCount - start)).Select(i => (i, codes[i])).ToList();
        var body = ObservationGenerator.Json(batch, steps); // the client's work: not timed
        var watch = Stopwatch.StartNew();
        // What IngestObservations.HandleJsonAsync does for the endpoint, in its two steps so that the parse is timed apart.
        var items = ObservationJson.Parse(body, IngestObservations.MaxItems).Value!;
        parse += watch.Elapsed;
        await using (var db = Open(options, actor))
        {
            var report = (await new IngestObservations(db).HandleAsync(items, "bench", allOrNothing: false, CancellationToken.None)).Value!;
            accepted += report.Accepted;
            raised += report.RaisedWarnings.Count;
        }

        ingest += watch.Elapsed;
        if (liveLatencyMs is null && start >= stationCount / 2)
        {
            liveLatencyMs = await LiveCrossingAsync(options, actor, codes[0], steps);
        }
    }

    var rate = accepted / ingest.TotalSeconds;
    Console.WriteLine($"Ingest (product path): {accepted:N0} accepted in {ingest.TotalSeconds:F1} s = {rate:N0} obs/s (of which JSON parse {parse.TotalSeconds:F1} s); {raised:N0} draft warnings raised. Load average now: {LoadAverage()}");
    Console.WriteLine($"Live crossing posted mid-burst: draft readable by the operator {liveLatencyMs:F0} ms after the request started.");

    var copy = await CopyAsync(options, codes.Count, steps);
    Console.WriteLine($"Plain COPY (binary) of the same rows into the emptied table: {rows:N0} in {copy.TotalSeconds:F1} s = {rows / copy.TotalSeconds:N0} obs/s. Load average now: {LoadAverage()}");
    Console.WriteLine($"Ratio ingest / COPY: {rate / (rows / copy.TotalSeconds):P0}.");
    Console.WriteLine(accepted == rows ? $"All {rows:N0} observations accepted." : $"ERROR: {accepted:N0} of {rows:N0} observations accepted.");
    var scale = stationCount == 2000 && days == 7 ? "full scale" : $"REDUCED scale ({stationCount} stations, {days} days): not the target's burst";
    Console.WriteLine($"{(rate >= 200_000 && accepted == rows ? "MET" : "MISSED")}: ingest {rate:N0} obs/s against >= 200,000 obs/s ({scale}).");
    Console.WriteLine($"{(liveLatencyMs <= 1000 ? "MET" : "MISSED")}: raised level readable by the operator after {liveLatencyMs:F0} ms against <= 1,000 ms.");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static PtdsDbContext Open(DatabaseOptions options, Actor actor)
{
    var builder = new DbContextOptionsBuilder<PtdsDbContext>();
    options.Apply(builder);
    return new PtdsDbContext(builder.Options, new FixedActorAccessor(actor), TimeProvider.System);
}

static async Task ExecuteAsync(string connection, string sql)
{
    await using var c = new NpgsqlConnection(connection);
    await c.OpenAsync();
    await using var command = new NpgsqlCommand(sql, c);
    await command.ExecuteNonQueryAsync();
}

// A province of 20 communes and the stations spread over them, zone 1, BĐ1/2/3 1.2/1.6/2.0 m, the stated rules.
static async Task<(List<string> Codes, AdministrativeUnit Province)> ArrangeAsync(DatabaseOptions options, int count)
{
    await using var db = Open(options, Actor.System);
    await new SchemaMigrator(db).MigrateAsync();
    var country = new AdministrativeUnit { Code = "VN", Kind = UnitKind.Country, Name = "Việt Nam", FullName = "Việt Nam" };
    var province = new AdministrativeUnit { Code = "80", Kind = UnitKind.Province, Name = "Tây Ninh", FullName = "Tỉnh Tây Ninh", Parent = country };
    var communes = Enumerable.Range(0, 20).Select(i => new AdministrativeUnit { Code = $"9{i:D4}", Kind = UnitKind.Commune, Name = $"Xã {i}", FullName = $"Xã {i}", Parent = province }).ToList();
    db.Units.AddRange([country, province, .. communes]);
    await db.SaveChangesAsync();
    var codes = new List<string>(count);
    for (var i = 0; i < count; i++)
    {
        var station = new Station { Code = $"ST{i:D5}", Name = $"Trạm {i}", Zone = 1, Latitude = 10.5 + i % 50 * 0.01, Longitude = 106 + i / 50 * 0.01, UnitId = communes[i % communes.Count].Id, Variables = "WaterLevel,Rainfall" };
        station.AlarmLevels.Add(new StationAlarmLevels { Bd1 = 1.2, Bd2 = 1.6, Bd3 = 2.0, Source = "benchmark" });
        db.Stations.Add(station);
        codes.Add(station.Code);
    }

    db.RiskRules.AddRange(DefaultRiskRules.For(province.Id));
    await db.SaveChangesAsync();
    return (codes, province);
}

// A station posts one reading above BĐ3 + margin after its backfill; the operator's list is read on another connection.
static async Task<double> LiveCrossingAsync(DatabaseOptions options, Actor actor, string code, int steps)
{
    var watch = Stopwatch.StartNew();
    await using (var db = Open(options, actor))
    {
        var at = ObservationGenerator.At(steps + 12).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await new IngestObservations(db).HandleAsync([new ObservationInput(code, at, "WaterLevel", 2.95)], "live", false, CancellationToken.None);
    }

    await using var reader = Open(options, actor);
    var seen = await reader.DraftWarnings.AnyAsync(d => d.Station.Code == code && d.Level >= 2 && d.ObservedAt == ObservationGenerator.At(steps + 12));
    return seen ? watch.Elapsed.TotalMilliseconds : double.NaN;
}

// The same rows, written by a binary COPY in one stream (values generated inline, which counts against COPY).
static async Task<TimeSpan> CopyAsync(DatabaseOptions options, int stations, int steps)
{
    await using var connection = new NpgsqlConnection(options.ConnectionString);
    await connection.OpenAsync();
    await using (var truncate = new NpgsqlCommand("TRUNCATE monitoring_observations", connection))
    {
        await truncate.ExecuteNonQueryAsync();
    }

    var ids = new List<int>();
    await using (var select = new NpgsqlCommand("SELECT \"Id\" FROM monitoring_stations ORDER BY \"Code\"", connection))
    await using (var r = await select.ExecuteReaderAsync())
    {
        while (await r.ReadAsync())
        {
            ids.Add(r.GetInt32(0));
        }
    }

    var received = DateTime.UtcNow;
    var watch = Stopwatch.StartNew();
    await using (var writer = await connection.BeginBinaryImportAsync(
        "COPY monitoring_observations (\"StationId\", \"ObservedAt\", \"Variable\", \"Value\", \"ReceivedAt\", \"Source\") FROM STDIN (FORMAT BINARY)"))
    {
        for (var s = 0; s < stations; s++)
        {
            for (var step = 0; step < steps; step++)
            {
                var at = ObservationGenerator.At(step);
                foreach (var (variable, value) in new[] { ("WaterLevel", ObservationGenerator.Water(s, step)), ("Rainfall", ObservationGenerator.Rain(s, step)) })
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(ids[s], NpgsqlDbType.Integer);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(variable, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(value, NpgsqlDbType.Double);
                    await writer.WriteAsync(received, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                }
            }
        }

        await writer.CompleteAsync();
    }

    return watch.Elapsed;
}
