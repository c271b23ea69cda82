using System.Collections.Concurrent;
using System.Text.Json;

namespace CivilDefense.Bench.Delivery;

/// <summary>
/// The loopback SMS gateway of the benchmark (Kestrel): answers 200, or 503 for 1% of requests,
/// after a random 0-50 ms, and counts per gateway name what it accepted, by idempotency key, so
/// the run can compare its count with the outbox's and count duplicates.
/// </summary>
public static class MockGateway
{
    private sealed class Tally
    {
        public long Requests;
        public long Accepted;
        public long Refused;
        public long FirstTicks = long.MaxValue;
        public long LastTicks;
        public readonly ConcurrentDictionary<string, int> Keys = new();

        /// <summary>(time, accepted) per accepted request, for the rate between the 5th and 95th percentile of acceptances.</summary>
        public readonly ConcurrentQueue<(long Ticks, int Count)> Acceptances = new();
    }

    /// <summary>
    /// The accepted rate while the stream runs: from the moment 5 % of the deliveries were accepted
    /// to the moment 95 % were. First to last acceptance also counts the start (the first claims)
    /// and the tail of retries after the 1 % injected failures (backoff up to 2 s), when the rate
    /// limit is not what holds the rate back.
    /// </summary>
    private static double SteadyRate(Tally tally)
    {
        var all = tally.Acceptances.OrderBy(a => a.Ticks).ToList();
        var total = all.Sum(a => (long)a.Count);
        if (total == 0)
        {
            return 0;
        }

        long seen = 0;
        long? from = null, to = null;
        foreach (var (ticks, count) in all)
        {
            seen += count;
            from ??= seen >= total * 0.05 ? ticks : null;
            if (seen >= total * 0.95)
            {
                to = ticks;
                break;
            }
        }

        var seconds = TimeSpan.FromTicks(to!.Value - from!.Value).TotalSeconds;
        return seconds > 0 ? total * 0.9 / seconds : 0;
    }

    public static async Task RunAsync(int port, double errorRate, int maxDelayMs)
    {
        var tallies = new ConcurrentDictionary<string, Tally>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();

        app.MapPost("/{gateway}/one", async (string gateway, HttpRequest request) =>
            await HandleAsync(tallies.GetOrAdd(gateway, _ => new Tally()), request, batch: false, errorRate, maxDelayMs));
        app.MapPost("/{gateway}/batch", async (string gateway, HttpRequest request) =>
            await HandleAsync(tallies.GetOrAdd(gateway, _ => new Tally()), request, batch: true, errorRate, maxDelayMs));
        app.MapGet("/stats", () => tallies.ToDictionary(t => t.Key, t => new
        {
            t.Value.Requests,
            t.Value.Accepted,
            t.Value.Refused,
            DistinctKeys = t.Value.Keys.Count,
            Duplicates = t.Value.Accepted - t.Value.Keys.Count,
            Seconds = t.Value.Accepted == 0 ? 0 : TimeSpan.FromTicks(t.Value.LastTicks - t.Value.FirstTicks).TotalSeconds,
            SteadyRate = SteadyRate(t.Value),
        }));
        app.MapPost("/reset", () => tallies.Clear());
        Console.WriteLine($"gateway listening on {port}");
        await app.RunAsync();
    }

    private static async Task<IResult> HandleAsync(Tally tally, HttpRequest request, bool batch, double errorRate, int maxDelayMs)
    {
        // Only the idempotency keys matter here: a forward-only reader over the body, no document
        // tree, so the gateway spends little of the machine's two cores that the dispatcher and
        // the database share with it. A malformed body still fails (JsonException -> 500).
        // A pooled buffer, not a growing stream: 150 KB bodies went to the large-object heap.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)(request.ContentLength ?? 1 << 16));
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
            if (length == buffer.Length)
            {
                var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(larger);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
        }

        List<string> keys;
        try
        {
            keys = KeysOf(buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        if (keys.Count == 0 || (!batch && keys.Count != 1))
        {
            return Results.BadRequest();
        }

        Interlocked.Increment(ref tally.Requests);
        await Task.Delay(Random.Shared.Next(0, maxDelayMs + 1));
        if (Random.Shared.NextDouble() < errorRate)
        {
            Interlocked.Add(ref tally.Refused, keys.Count);
            return Results.StatusCode(503);
        }

        foreach (var key in keys)
        {
            tally.Keys.AddOrUpdate(key, 1, (_, n) => n + 1);
        }

        var items = keys;
        // Times of acceptance: the achieved rate is accepted / (last - first).
        var now = DateTime.UtcNow.Ticks;
        InterlockedMin(ref tally.FirstTicks, now);
        InterlockedMax(ref tally.LastTicks, now);
        Interlocked.Add(ref tally.Accepted, items.Count);
        tally.Acceptances.Enqueue((now, items.Count));
        return Results.Ok();
    }

    private static List<string> KeysOf(ReadOnlySpan<byte> json)
    {
        var keys = new List<string>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("idempotencyKey"u8) && reader.Read())
            {
                keys.Add(reader.GetString()!);
            }
        }

        return keys;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        long seen;
        while (value < (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
