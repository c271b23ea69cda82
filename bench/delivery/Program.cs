using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Bench.Delivery;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Modes (bench/delivery/run.sh drives them):
//   gateway PORT                                   the loopback mock gateway
//   queue sqlite|postgres ADMIN_OR_FILE COUNT       time QueueDeliveries for COUNT recipients
//   dispatch ADMIN GATEWAY batch|single COUNT RATE_A RATE_B
//                                                  queue then dispatch through two gateways, compare counts
//   prepare ADMIN DBNAME COUNT                      a database with COUNT queued deliveries (for the kill test)
//   worker DBCONN GATEWAY WINDOW                    dispatch until nothing is left (killed with -9 by run.sh)
//   report DBCONN GATEWAY [WINDOW]                  outbox states against the gateway's tallies (with WINDOW: the kill -9 verdict)
var mode = args[0];
var inv = CultureInfo.InvariantCulture;
switch (mode)
{
    case "gateway":
        await MockGateway.RunAsync(int.Parse(args[1], inv), errorRate: 0.01, maxDelayMs: 50);
        break;
    case "queue":
        await QueueBenchAsync(args[1], args[2], int.Parse(args[3], inv));
        break;
    case "dispatch":
        await DispatchBenchAsync(args[1], args[2], args[3] == "batch", int.Parse(args[4], inv), double.Parse(args[5], inv), double.Parse(args[6], inv));
        break;
    case "prepare":
        await using (var db = await CreatePostgresAsync(args[1], args[2]))
        {
            await QueueAsync(db.Options, int.Parse(args[3], inv), ["sms-a", "sms-b"]);
            Console.WriteLine(db.Options.ConnectionString);
        }

        break;
    case "worker":
        await WorkerAsync(args[1], args[2], int.Parse(args[3], inv));
        break;
    case "report":
        var final = await ReportAsync(args[1], args[2]);
        if (args.Length > 3)
        {
            // After the kill -9: every delivery sent, every one reached the gateway, duplicates within the window.
            var window = int.Parse(args[3], inv);
            var met = final.Sent == final.Rows && final.DistinctKeys == final.Rows && final.CountsEqual && final.Duplicates <= window;
            Console.WriteLine($"MET/MISSED kill -9: {(met ? "MET" : "MISSED")} ({final.Sent:N0} of {final.Rows:N0} sent, {final.Rows - final.DistinctKeys:N0} lost, {final.Duplicates:N0} duplicates, window {window:N0})");
        }

        break;
    default:
        throw new ArgumentException("Unknown mode " + mode);
}

static async Task QueueBenchAsync(string provider, string target, int count)
{
    await using var database = provider == "postgres"
        ? await CreatePostgresAsync(target, "ptds_bench_delivery_" + Environment.ProcessId)
        : await CreateSqliteAsync(target);
    // A server that has been running has its code compiled: three small alerts first, as an
    // earlier alert would have left it (the first in a fresh process is printed, not judged).
    for (var i = 0; i < 3; i++)
    {
        var (warmSeconds, warmQueued, _) = await QueueAsync(database.Options, 20_000, ["sms"], seed: 100 + i);
        Console.WriteLine($"warm-up alert {i + 1}: {warmQueued:N0} deliveries in {warmSeconds * 1000:F0} ms");
    }

    var (seconds, queued, cpu) = await QueueAsync(database.Options, count, ["sms"]);
    Console.WriteLine($"queue {provider}: {queued:N0} deliveries in {seconds:F2} s ({queued / seconds:N0}/s), this process's CPU {cpu:F2} s; load {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine($"MET/MISSED queue {provider} 2,000,000 in <= 5 s: {(queued >= 2_000_000 && seconds <= 5 ? "MET" : queued < 2_000_000 ? "n/a (fewer than 2,000,000 rows)" : "MISSED")}");
}

static async Task DispatchBenchAsync(string admin, string gateway, bool batch, int count, double rateA, double rateB)
{
    var inv = CultureInfo.InvariantCulture;
    var options = DispatcherFor(batch ? 5000 : 1000, batch ? 20000 : 4000);

    // The product's dispatcher runs for as long as the server does: its code is compiled before
    // an alert comes. A small alert in a database of its own first, so that the timed run does
    // not pay for the JIT (about a second of one core at 300,000 deliveries).
    await using (var warm = await CreatePostgresAsync(admin, "ptds_bench_dispatch_warm_" + Environment.ProcessId))
    {
        var warmCount = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARM") ?? "20000", inv);
        await QueueAsync(warm.Options, warmCount, ["sms-a", "sms-b"], seed: 99);
        await using var warmStore = OutboxStores.Open(warm.Options);
        var warmWatch = Stopwatch.StartNew();
        await new DeliveryDispatcher(warmStore, DeliveryChannels.Create(ChannelsFor(gateway, batch, rateA, rateB), TimeProvider.System), options, TimeProvider.System).DrainAsync(CancellationToken.None);
        Console.WriteLine($"warm-up: {warmCount:N0} deliveries dispatched in {warmWatch.Elapsed.TotalSeconds:F2} s");
    }

    await using var database = await CreatePostgresAsync(admin, "ptds_bench_dispatch_" + Environment.ProcessId);
    await QueueAsync(database.Options, count, ["sms-a", "sms-b"]);
    using var http = new HttpClient();
    await http.PostAsync(gateway + "/reset", null);
    await using var store = OutboxStores.Open(database.Options);
    var dispatcher = new DeliveryDispatcher(store, DeliveryChannels.Create(ChannelsFor(gateway, batch, rateA, rateB), TimeProvider.System), options, TimeProvider.System);
    var watch = Stopwatch.StartNew();
    await dispatcher.DrainAsync(CancellationToken.None);
    watch.Stop();
    Console.WriteLine($"dispatch {(batch ? "batch (500 per request)" : "one request each")}: {count:N0} deliveries in {watch.Elapsed.TotalSeconds:F2} s = {count / watch.Elapsed.TotalSeconds:N0}/s; "
        + $"retried {dispatcher.Counters.Retried:N0}; load {File.ReadAllText("/proc/loadavg").Trim()}");
    var report = await ReportAsync(database.Options.ConnectionString, gateway, new Dictionary<string, double> { ["sms-a"] = rateA, ["sms-b"] = rateB });
    var target = batch ? 50_000 : 10_000;
    var rate = count / watch.Elapsed.TotalSeconds;
    var limited = rateA > 0 || rateB > 0;
    Console.WriteLine($"MET/MISSED dispatch {(batch ? "batch" : "single")} >= {target:N0}/s: {(limited ? "n/a (limits hold this run below it)" : rate >= target ? "MET" : "MISSED")} ({rate:N0}/s over {count:N0})");
    Console.WriteLine($"MET/MISSED dispatch {(batch ? "batch" : "single")} rate limits within 5 %: {(!limited ? "n/a (no limits in this run)" : report.RatesWithin5Percent ? "MET" : "MISSED")}; gateway count = outbox count: {(report.CountsEqual ? "MET" : "MISSED")}");
}

static async Task WorkerAsync(string connection, string gateway, int window)
{
    var options = DispatcherFor(Math.Min(5000, window), window);
    options.Lease = TimeSpan.FromSeconds(3);
    await using var store = OutboxStores.Open(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connection });
    var dispatcher = new DeliveryDispatcher(store, DeliveryChannels.Create(ChannelsFor(gateway, batch: true, 0, 0), TimeProvider.System), options, TimeProvider.System);
    using var progress = new Timer(_ => Console.WriteLine($"worker {Environment.ProcessId}: sent {dispatcher.Counters.Sent:N0}"), null, 1000, 1000);
    var watch = Stopwatch.StartNew();
    await dispatcher.DrainAsync(CancellationToken.None);
    Console.WriteLine($"worker {Environment.ProcessId} done: sent {dispatcher.Counters.Sent:N0} in {watch.Elapsed.TotalSeconds:F1} s");
}

static async Task<Report> ReportAsync(string connection, string gateway, Dictionary<string, double>? rates = null)
{
    var report = new Report();
    await using var source = NpgsqlDataSource.Create(connection);
    await using var command = source.CreateCommand("SELECT \"Channel\", \"State\", count(*) FROM deliveries GROUP BY 1, 2 ORDER BY 1, 2");
    await using var reader = await command.ExecuteReaderAsync();
    var outbox = new Dictionary<string, long>();
    while (await reader.ReadAsync())
    {
        Console.WriteLine($"  outbox {reader.GetString(0)} {reader.GetString(1)}: {reader.GetInt64(2):N0}");
        report.Rows += reader.GetInt64(2);
        if (reader.GetString(1) == "Sent")
        {
            outbox[reader.GetString(0)] = reader.GetInt64(2);
        }
    }

    using var http = new HttpClient();
    var stats = await http.GetFromJsonAsync<Dictionary<string, JsonElement>>(gateway + "/stats");
    foreach (var (name, s) in stats!)
    {
        var accepted = s.GetProperty("accepted").GetInt64();
        var seconds = s.GetProperty("seconds").GetDouble();
        var achieved = seconds > 0 ? accepted / seconds : 0;
        report.Sent += outbox.GetValueOrDefault(name);
        report.DistinctKeys += s.GetProperty("distinctKeys").GetInt64();
        report.Duplicates += s.GetProperty("duplicates").GetInt64();
        report.CountsEqual &= s.GetProperty("distinctKeys").GetInt64() == outbox.GetValueOrDefault(name);
        // Judged on the steady rate (5th to 95th percentile of acceptances, see MockGateway); first to last is printed beside it.
        var steady = s.GetProperty("steadyRate").GetDouble();
        if (rates is not null && rates.TryGetValue(name, out var limit) && limit > 0)
        {
            report.RatesWithin5Percent &= Math.Abs(steady - limit) / limit <= 0.05;
        }

        var rate = rates is not null && rates.TryGetValue(name, out var r) && r > 0
            ? $"; limit {r:N0}/s, achieved {steady:N0}/s ({(steady - r) / r * 100:+0.0;-0.0} %) from 5 % to 95 % of acceptances, {achieved:N0}/s first to last"
            : $"; achieved {steady:N0}/s from 5 % to 95 % of acceptances, {achieved:N0}/s first to last";
        Console.WriteLine($"  gateway {name}: requests {s.GetProperty("requests").GetInt64():N0}, accepted {accepted:N0}, refused (5xx) {s.GetProperty("refused").GetInt64():N0}, "
            + $"distinct keys {s.GetProperty("distinctKeys").GetInt64():N0}, duplicates {s.GetProperty("duplicates").GetInt64():N0}; outbox sent {outbox.GetValueOrDefault(name):N0}"
            + $" -> {(s.GetProperty("distinctKeys").GetInt64() == outbox.GetValueOrDefault(name) ? "counts equal" : "COUNTS DIFFER")}{rate}");
    }

    return report;
}

static DispatcherOptions DispatcherFor(int claim, int window) => new()
{
    ClaimBatchSize = claim,
    InFlightWindow = window,
    MaxAttempts = 8,
    BackoffBase = TimeSpan.FromMilliseconds(100),
    BackoffMax = TimeSpan.FromSeconds(2),
    PollInterval = TimeSpan.FromMilliseconds(50),
    Lease = TimeSpan.FromSeconds(30),
};

static DeliveryOptions ChannelsFor(string gateway, bool batch, double rateA, double rateB)
{
    var options = new DeliveryOptions();
    foreach (var (name, rate) in new[] { ("sms-a", rateA), ("sms-b", rateB) })
    {
        options.Channels[name] = new ChannelOptions
        {
            Kind = ChannelKind.HttpSms,
            RatePerSecond = rate,
            Burst = batch ? 1000 : 100,
            MaxConcurrentRequests = batch ? 64 : 256,
            Http = new HttpSmsOptions { Url = $"{gateway}/{name}/one", BatchUrl = batch ? $"{gateway}/{name}/batch" : null, MaxBatchSize = batch ? 500 : 1 },
        };
    }

    return options;
}

/// <summary>Deterministic recipients (seed 2026), spread over the channels, 90 % Vietnamese, queued as an operator would.</summary>
static async Task<(double Seconds, int Queued, double Cpu)> QueueAsync(DatabaseOptions database, int count, string[] channels, int seed = 2026)
{
    var random = new Random(seed);
    var recipients = new List<DeliveryRequest>(count);
    var bytes = new byte[16];
    for (var i = 0; i < count; i++)
    {
        random.NextBytes(bytes);
        recipients.Add(new DeliveryRequest(new Guid(bytes), channels[i % channels.Length], "+849" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            random.Next(10) == 0 ? "en-US" : "vi-VN", 1 + (i % 96)));
    }

    var messages = channels.SelectMany(c => new AlertMessage[]
    {
        new(c, "vi-VN", null, "[PTDS] Cảnh báo lũ cấp 2 tại khu vực của bạn. Di dời ngay đến nơi trú ẩn gần nhất. Theo dõi hướng dẫn của chính quyền địa phương."),
        new(c, "en-US", null, "[PTDS] Flood warning level 2 in your area. Move to the nearest shelter now. Follow local authority instructions."),
    }).ToList();
    var builder = new DbContextOptionsBuilder<PtdsDbContext>();
    database.Apply(builder);
    await using var db = new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == "80");
    if (unit is null)
    {
        unit = new AdministrativeUnit { Code = "80", Kind = UnitKind.Province, Name = "Tây Ninh", FullName = "Tỉnh Tây Ninh", ValidFrom = new DateOnly(2025, 7, 1) };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
    }

    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    var result = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(Guid.NewGuid(), unit.Id, messages, recipients));
    watch.Stop();
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException(result.Error!.Message);
    }

    return (watch.Elapsed.TotalSeconds, result.Value!.Queued, cpu.TotalSeconds);
}

static async Task<BenchDatabase> CreatePostgresAsync(string admin, string name)
{
    await using (var connection = new NpgsqlConnection(admin))
    {
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQueryAsync();
    }

    var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString };
    await MigrateAsync(options);
    return new BenchDatabase(options, async () =>
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        if (Environment.GetEnvironmentVariable("KEEP_DB") != "1")
        {
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection).ExecuteNonQueryAsync();
        }
    });
}

static async Task<BenchDatabase> CreateSqliteAsync(string file)
{
    foreach (var f in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
    {
        File.Delete(f);
    }

    var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file}" };
    await MigrateAsync(options);
    return new BenchDatabase(options, () =>
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
        return Task.CompletedTask;
    });
}

static async Task MigrateAsync(DatabaseOptions options)
{
    var builder = new DbContextOptionsBuilder<PtdsDbContext>();
    options.Apply(builder);
    await using var db = new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    await new SchemaMigrator(db).MigrateAsync();
}

internal sealed class Report
{
    public long Rows { get; set; }

    public long Sent { get; set; }

    public long DistinctKeys { get; set; }

    public long Duplicates { get; set; }

    public bool CountsEqual { get; set; } = true;

    public bool RatesWithin5Percent { get; set; } = true;
}

internal sealed class BenchDatabase(DatabaseOptions options, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseOptions Options => options;

    public async ValueTask DisposeAsync() => await drop();
}
