using System.Collections.Concurrent;
using System.Threading.Channels;
using CivilDefense.Core.Alerts.Delivery.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>Counts since start, for logs and benchmarks.</summary>
public sealed class DispatchCounters
{
    private long _claimed;
    private long _sent;
    private long _failed;
    private long _retried;
    private long _dead;

    public long Claimed => Interlocked.Read(ref _claimed);

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public long Retried => Interlocked.Read(ref _retried);

    public long Dead => Interlocked.Read(ref _dead);

    internal void AddClaimed(int n) => Interlocked.Add(ref _claimed, n);

    internal void Count(DeliveryState state)
    {
        _ = state switch
        {
            DeliveryState.Sent => Interlocked.Increment(ref _sent),
            DeliveryState.Failed => Interlocked.Increment(ref _failed),
            DeliveryState.Retried => Interlocked.Increment(ref _retried),
            _ => Interlocked.Increment(ref _dead),
        };
    }
}

/// <summary>
/// Sends what the outbox holds. Loops claim due deliveries in batches under a lease, each
/// configured channel its own (see <see cref="ClaimPlan"/>: a slow gateway's rows must not take the
/// places a fast one needs), plus one for channels no one configured; the sends run concurrently
/// per channel, each gateway held to its rate (token bucket) and its number of open requests;
/// writers record outcomes in batches. A claimed delivery keeps a place in its channel's part of
/// the in-flight window until its outcome is committed, and the parts add up to at most the
/// window, so after a crash at most a window's worth can have been sent without the outbox
/// knowing: those, and only those, go out twice, with the same idempotency key.
/// </summary>
public sealed class DeliveryDispatcher(
    IOutboxStore store,
    IReadOnlyDictionary<string, ChannelRuntime> channels,
    DispatcherOptions options,
    TimeProvider clock,
    ILogger? log = null,
    Func<OutgoingMessage, OutgoingMessage>? render = null)
{
    private readonly ILogger _log = log ?? NullLogger.Instance;
    private readonly RetryPolicy _retry = new(options.MaxAttempts, options.BackoffBase, options.BackoffMax);
    private readonly ConcurrentDictionary<Guid, Task<IReadOnlyList<DeliveryMessage>>> _messages = new();

    // The text chosen for (alert, channel, language), so the choice below runs once per combination, not per delivery.
    private readonly ConcurrentDictionary<(Guid, string, string), DeliveryMessage> _chosen = new();

    private long _inFlight;

    // Claim loops whose last claim found nothing, of how many: draining ends only when all are.
    private int _idleLoops;
    private int _loops;

    public string WorkerId { get; } = options.WorkerId ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public DispatchCounters Counters { get; } = new();

    /// <summary>Dispatches until cancelled; on cancellation stops claiming and lets sends in progress finish and be recorded.</summary>
    public Task RunAsync(CancellationToken ct) => RunAsync(untilIdle: false, ct);

    /// <summary>Dispatches until no delivery is left unfinished (tests, benchmarks, a CLI run).</summary>
    public Task DrainAsync(CancellationToken ct) => RunAsync(untilIdle: true, ct);

    private async Task RunAsync(bool untilIdle, CancellationToken ct)
    {
        var claimers = ClaimPlan.For(channels.ToDictionary(c => c.Key, c => c.Value.BatchSize), options).Select((share, i) => new Claimer(i, share)).ToArray();
        (_loops, _idleLoops) = (claimers.Sum(c => c.Share.Loops), 0);
        var outcomes = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
        var recorders = Enumerable.Range(0, options.Concurrency).Select(_ => RecordAsync(outcomes.Reader, claimers)).ToArray();
        var sends = new ConcurrentDictionary<Task, bool>();
        try
        {
            // Several claims and outcome writes at once: each is one statement over thousands of
            // rows, and one after the other they left the database's other core idle.
            await Task.WhenAll(claimers.SelectMany(claimer => Enumerable.Range(0, claimer.Share.Loops).Select(_ => ClaimLoopAsync(untilIdle, claimer, outcomes.Writer, sends, ct))));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: fall through and finish what was claimed.
        }
        finally
        {
            await Task.WhenAll(sends.Keys);
            outcomes.Writer.Complete();
            await Task.WhenAll(recorders);
            foreach (var claimer in claimers)
            {
                claimer.Dispose();
            }
        }
    }

    private async Task ClaimLoopAsync(bool untilIdle, Claimer claimer, ChannelWriter<Pending> outcomes, ConcurrentDictionary<Task, bool> sends, CancellationToken ct)
    {
        var want = claimer.Share.ClaimBatch;
        var window = claimer.Window;
        var idle = false;
        while (!ct.IsCancellationRequested)
        {
            // Room in the window first, then the claim: claimed rows never wait for a place.
            await claimer.PlaceTaking.WaitAsync(ct);
            try
            {
                for (var i = 0; i < want; i++)
                {
                    await window.WaitAsync(ct);
                }
            }
            finally
            {
                claimer.PlaceTaking.Release();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            IReadOnlyList<ClaimedDelivery> claimed;
            try
            {
                claimed = await store.ClaimAsync(WorkerId, want, now, now + options.Lease, claimer.Share.Filter, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                window.Release(want);
                _log.LogWarning(e, "Claiming deliveries of {Filter} failed; trying again.", claimer.Share.Filter);
                await Task.Delay(options.PollInterval, clock, ct);
                continue;
            }

            if (claimed.Count < want)
            {
                window.Release(want - claimed.Count);
            }

            if (claimed.Count == 0)
            {
                if (!idle)
                {
                    idle = true;
                    Interlocked.Increment(ref _idleLoops);
                }

                // Done when every loop found nothing, nothing is in flight, and nothing unfinished
                // is left: a claimer of a channel with nothing queued is idle from the start.
                if (untilIdle && Volatile.Read(ref _idleLoops) == _loops && Interlocked.Read(ref _inFlight) == 0 && !await store.HasUnfinishedAsync(ct))
                {
                    return;
                }

                await Task.Delay(options.PollInterval, clock, ct);
                continue;
            }

            if (idle)
            {
                idle = false;
                Interlocked.Decrement(ref _idleLoops);
            }

            Interlocked.Add(ref _inFlight, claimed.Count);
            Counters.AddClaimed(claimed.Count);
            foreach (var group in claimed.GroupBy(c => c.Channel, StringComparer.Ordinal))
            {
                var rows = group.ToList();
                if (!channels.TryGetValue(group.Key, out var channel))
                {
                    foreach (var row in rows)
                    {
                        outcomes.TryWrite(new(Transient(row, $"Channel '{group.Key}' is not configured."), claimer));
                    }

                    continue;
                }

                for (var start = 0; start < rows.Count; start += channel.BatchSize)
                {
                    var batch = rows.GetRange(start, Math.Min(channel.BatchSize, rows.Count - start));
                    var send = SendAsync(channel, batch, claimer, outcomes);
                    sends.TryAdd(send, true);
                    _ = send.ContinueWith(t => sends.TryRemove(t, out _), TaskScheduler.Default);
                }
            }
        }
    }

    /// <summary>One request's worth: waits for the gateway's rate and a free connection, sends, reports outcomes.</summary>
    private async Task SendAsync(ChannelRuntime channel, List<ClaimedDelivery> batch, Claimer claimer, ChannelWriter<Pending> outcomes)
    {
        // Sends are not cancelled on shutdown: a send cut half-way would be a send the outbox cannot
        // account for. The channel's own timeout bounds them.
        var ct = CancellationToken.None;
        IReadOnlyList<SendResult> results;
        try
        {
            var messages = new List<OutgoingMessage>(batch.Count);
            foreach (var row in batch)
            {
                messages.Add(await MessageForAsync(row, ct));
            }

            if (channel.RateLimit is { } bucket)
            {
                await bucket.TakeAsync(batch.Count, ct);
            }

            await channel.Requests.WaitAsync(ct);
            try
            {
                results = channel.Channel is IBatchingDeliveryChannel batching && batch.Count > 1
                    ? await batching.SendBatchAsync(messages, ct)
                    : [await channel.Channel.SendAsync(messages[0], ct)];
            }
            finally
            {
                channel.Requests.Release();
            }
        }
        catch (MissingMessageException e)
        {
            results = Enumerable.Repeat(SendResult.Rejected(e.Message), batch.Count).ToArray();
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "Sending {Count} deliveries through {Channel} failed.", batch.Count, channel.Name);
            results = Enumerable.Repeat(SendResult.Transient(e.GetType().Name + ": " + e.Message), batch.Count).ToArray();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var result = results[i];
            outcomes.TryWrite(new(result.Status switch
            {
                SendStatus.Sent => new DeliveryOutcome(batch[i].Key, DeliveryState.Sent),
                SendStatus.Rejected => new DeliveryOutcome(batch[i].Key, DeliveryState.Failed, null, result.Error),
                _ => Transient(batch[i], result.Error ?? "transient failure"),
            }, claimer));
        }
    }

    private DeliveryOutcome Transient(ClaimedDelivery row, string error)
    {
        var state = _retry.AfterTransientFailure(row.Attempts);
        var next = state == DeliveryState.Retried
            ? clock.GetUtcNow().UtcDateTime + _retry.Backoff(row.Attempts, Random.Shared.NextDouble())
            : (DateTime?)null;
        return new DeliveryOutcome(row.Key, state, next, error.Length <= 500 ? error : error[..500]);
    }

    private async Task<OutgoingMessage> MessageForAsync(ClaimedDelivery row, CancellationToken ct)
    {
        if (!_chosen.TryGetValue((row.AlertId, row.Channel, row.Language), out var message))
        {
            var messages = await _messages.GetOrAdd(row.AlertId, id => store.MessagesAsync(id, ct));

            // The recipient's language if the alert has it, else Vietnamese, else whatever there is.
            message = messages.FirstOrDefault(m => m.Channel == row.Channel && m.Language == row.Language)
                ?? messages.FirstOrDefault(m => m.Channel == row.Channel && m.Language.StartsWith("vi", StringComparison.OrdinalIgnoreCase))
                ?? messages.FirstOrDefault(m => m.Channel == row.Channel)
                ?? throw new MissingMessageException($"The alert has no message for channel '{row.Channel}'.");
            _chosen.TryAdd((row.AlertId, row.Channel, row.Language), message);
        }

        var outgoing = new OutgoingMessage(row.AlertId, row.RecipientId, row.Address, row.Language, row.IdempotencyKey, message.Subject, message.Body);
        return render is null ? outgoing : render(outgoing); // per-recipient placeholders (the acknowledgement link)
    }

    /// <summary>Writes outcomes as they come, many per transaction under load; frees their window places after the commit.</summary>
    private async Task RecordAsync(ChannelReader<Pending> reader, Claimer[] claimers)
    {
        var pending = new List<Pending>(8192);
        var batch = new List<DeliveryOutcome>(8192);
        var freed = new int[claimers.Length];
        while (await reader.WaitToReadAsync())
        {
            pending.Clear();
            while (pending.Count < 20_000 && reader.TryRead(out var item))
            {
                pending.Add(item);
            }

            if (pending.Count == 0)
            {
                // Another recorder took what woke this one.
                continue;
            }

            batch.Clear();
            batch.AddRange(pending.Select(p => p.Outcome));
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await store.RecordAsync(WorkerId, batch, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
                    break;
                }
                catch (Exception e) when (attempt < 5)
                {
                    _log.LogWarning(e, "Recording {Count} delivery outcomes failed (attempt {Attempt}); trying again.", batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), clock);
                }
                catch (Exception e)
                {
                    // The rows stay sending under this lease and are resumed after it expires.
                    _log.LogError(e, "Recording {Count} delivery outcomes failed; they will be resumed after the lease.", batch.Count);
                    break;
                }
            }

            Array.Clear(freed);
            foreach (var item in pending)
            {
                Counters.Count(item.Outcome.State);
                freed[item.Claimer.Index]++;
            }

            Interlocked.Add(ref _inFlight, -batch.Count);
            for (var i = 0; i < claimers.Length; i++)
            {
                if (freed[i] > 0)
                {
                    claimers[i].Window.Release(freed[i]);
                }
            }
        }
    }

    /// <summary>An outcome to record, and whose window place it frees.</summary>
    private readonly record struct Pending(DeliveryOutcome Outcome, Claimer Claimer);

    /// <summary>A claim share at run time: its part of the in-flight window.</summary>
    private sealed class Claimer(int index, ClaimShare share) : IDisposable
    {
        public int Index => index;

        public ClaimShare Share => share;

        public SemaphoreSlim Window { get; } = new(share.Places, share.Places);

        /// <summary>The share's loops take places one at a time in turn, so two loops never each hold part of a batch's places.</summary>
        public SemaphoreSlim PlaceTaking { get; } = new(1, 1);

        public void Dispose()
        {
            Window.Dispose();
            PlaceTaking.Dispose();
        }
    }

    private sealed class MissingMessageException(string message) : Exception(message);
}
