namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// How both stores find due deliveries without an index over every unfinished row (which cost
/// more than the table itself to write at queue time, and was rewritten by every claim and
/// outcome): retries waiting for their time through the small index on <c>RetryAt</c>; queued
/// deliveries per open alert (<see cref="DeliveryAlert"/>) in primary-key order from a cursor kept
/// by this store; deliveries left sending under an expired lease (a dispatcher that died) by a
/// sweep of an open alert's rows, at most once a second per alert and only when nothing queued is
/// left to take, since that only happens after a crash.
/// </summary>
public abstract class CursorOutboxStore : IOutboxStore
{
    /// <summary>The three ways a claim finds rows (<c>@now</c>, <c>@alert</c>, <c>@recipient</c>, <c>@channel</c>), the same SQL on both providers.</summary>
    protected const string RetriesDue = "\"RetryAt\" <= @now AND \"State\" = 'Retried'";

    protected const string QueuedAfterCursor = "\"AlertId\" = @alert AND (\"RecipientId\", \"Channel\") > (@recipient, @channel) AND \"State\" = 'Queued'";

    protected const string KeyOrder = "ORDER BY \"RecipientId\", \"Channel\"";

    protected const string LeaseExpired = "\"AlertId\" = @alert AND \"State\" = 'Sending' AND \"LeaseExpiresAt\" <= @now";

    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, AlertCursor> _cursors = [];

    // One cursor claim at a time per store: the next starts where the last ended, as the database
    // orders keys (its collation, not ours), so cursors never need comparing here.
    private readonly SemaphoreSlim _cursorClaim = new(1, 1);

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, CancellationToken ct)
    {
        var claimed = new List<ClaimedDelivery>(limit);
        claimed.AddRange(await ClaimRetriesAsync(owner, limit, now, leaseExpiresAt, ct));
        if (claimed.Count >= limit)
        {
            return claimed;
        }

        var open = await OpenAlertsAsync(ct);
        await _cursorClaim.WaitAsync(ct);
        try
        {
            foreach (var (alert, version) in open)
            {
                // Until an alert's queued rows run out, its cursor moves on; a new version (rows
                // committed since, perhaps behind the cursor) starts it over.
                while (claimed.Count < limit)
                {
                    var cursor = CursorFor(alert, version);
                    if (cursor.Exhausted)
                    {
                        break;
                    }

                    var want = limit - claimed.Count;
                    var rows = await ClaimQueuedAsync(owner, alert, cursor.Recipient, cursor.Channel, want, leaseExpiresAt, ct);
                    claimed.AddRange(rows);
                    Advance(alert, rows, exhausted: rows.Count < want);
                }
            }
        }
        finally
        {
            _cursorClaim.Release();
        }

        var sweepEvery = TimeSpan.FromTicks(Math.Min(LongestSweepInterval.Ticks, (leaseExpiresAt - now).Ticks / 2));
        foreach (var (alert, version) in open)
        {
            if (claimed.Count >= limit)
            {
                break;
            }

            if (!DueForSweep(alert, version, now, sweepEvery))
            {
                continue;
            }

            var expired = await ClaimExpiredAsync(owner, alert, limit - claimed.Count, now, leaseExpiresAt, ct);
            claimed.AddRange(expired);

            // Nothing queued, nothing abandoned: closed if nothing is left unfinished at this version.
            // If something is, it may be a queued row this cursor passed while another worker's
            // claim held it and then failed or died (its rows stay queued): once a lease period,
            // the cursor starts over.
            if (expired.Count == 0 && !await CloseIfFinishedAsync(alert, version, ct))
            {
                RestartIfDue(alert, now, leaseExpiresAt - now);
            }
        }

        return claimed;
    }

    public abstract Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct);

    public abstract Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct);

    public abstract Task<long> CountUnfinishedAsync(CancellationToken ct);

    public virtual ValueTask DisposeAsync()
    {
        _cursorClaim.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Alerts with deliveries not known to be finished, and their versions.</summary>
    protected abstract Task<IReadOnlyList<(Guid Alert, long Version)>> OpenAlertsAsync(CancellationToken ct);

    /// <summary>Retried deliveries whose time has come.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimRetriesAsync(string owner, int limit, DateTime now, DateTime lease, CancellationToken ct);

    /// <summary>Queued deliveries of the alert after (recipient, channel) in key order; the last one returned is the greatest.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimQueuedAsync(string owner, Guid alert, Guid afterRecipient, string afterChannel, int limit, DateTime lease, CancellationToken ct);

    /// <summary>Deliveries of the alert sending under a lease that ran out.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimExpiredAsync(string owner, Guid alert, int limit, DateTime now, DateTime lease, CancellationToken ct);

    /// <summary>Marks the alert finished if it is still at this version and has no unfinished delivery; says whether it did.</summary>
    protected abstract Task<bool> CloseIfFinishedAsync(Guid alert, long version, CancellationToken ct);

    private AlertCursor CursorFor(Guid alert, long version)
    {
        lock (_lock)
        {
            if (!_cursors.TryGetValue(alert, out var cursor) || cursor.Version != version)
            {
                cursor = new AlertCursor(version, Guid.Empty, "", Exhausted: false, LastSweep: cursor?.LastSweep ?? DateTime.MinValue, LastRestart: cursor?.LastRestart ?? DateTime.MinValue);
                _cursors[alert] = cursor;
            }

            return cursor;
        }
    }

    private void Advance(Guid alert, IReadOnlyList<ClaimedDelivery> rows, bool exhausted)
    {
        lock (_lock)
        {
            var cursor = _cursors[alert];
            if (rows.Count > 0)
            {
                cursor = cursor with { Recipient = rows[^1].RecipientId, Channel = rows[^1].Channel };
            }

            _cursors[alert] = cursor with { Exhausted = exhausted };
        }
    }

    private bool DueForSweep(Guid alert, long version, DateTime now, TimeSpan every)
    {
        lock (_lock)
        {
            var cursor = CursorFor(alert, version);
            if (!cursor.Exhausted || now - cursor.LastSweep < every)
            {
                return false;
            }

            _cursors[alert] = cursor with { LastSweep = now };
            return true;
        }
    }

    private void RestartIfDue(Guid alert, DateTime now, TimeSpan lease)
    {
        lock (_lock)
        {
            var cursor = _cursors[alert];
            if (cursor.Exhausted && now - cursor.LastRestart >= lease)
            {
                _cursors[alert] = cursor with { Recipient = Guid.Empty, Channel = "", Exhausted = false, LastRestart = now };
            }
        }
    }

    private sealed record AlertCursor(long Version, Guid Recipient, string Channel, bool Exhausted, DateTime LastSweep, DateTime LastRestart);
}
