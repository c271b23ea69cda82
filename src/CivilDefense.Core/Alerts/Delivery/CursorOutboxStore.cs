using System.Globalization;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// How both stores find due deliveries without an index over every unfinished row (which cost
/// more than the table itself to write at queue time, and was rewritten by every claim and
/// outcome): retries waiting for their time through the small index on <c>RetryAt</c>; queued
/// deliveries per open alert (<see cref="DeliveryAlert"/>) in primary-key order from a cursor kept
/// by this store; deliveries left sending under an expired lease (a dispatcher that died) by a
/// sweep of an open alert's rows, at most once a second per alert and only when nothing queued is
/// left to take, since that only happens after a crash. A claim may be limited to channels
/// (<see cref="ClaimFilter"/>): all three apply the filter, and each filter has its own cursor per
/// alert, since a claim of one channel moves on independently of another's.
/// </summary>
public abstract class CursorOutboxStore : IOutboxStore
{
    /// <summary>The three ways a claim finds rows (<c>@now</c>, <c>@alert</c>, <c>@recipient</c>, <c>@channel</c>), the same SQL on both providers.</summary>
    protected const string RetriesDue = "\"RetryAt\" <= @now AND \"State\" = 'Retried'";

    protected const string QueuedAfterCursor = "\"AlertId\" = @alert AND (\"RecipientId\", \"Channel\") > (@recipient, @channel) AND \"State\" = 'Queued'";

    protected const string KeyOrder = "ORDER BY \"RecipientId\", \"Channel\"";

    protected const string LeaseExpired = "\"AlertId\" = @alert AND \"State\" = 'Sending' AND \"LeaseExpiresAt\" <= @now";

    /// <summary>A filter's channel condition, one more condition on a key column: <c>@only</c>, or <c>@except0</c>, <c>@except1</c>...</summary>
    protected const string OnlyChannel = " AND \"Channel\" = @only";

    protected const string ExceptChannels = " AND \"Channel\" NOT IN ({0})";

    private static readonly TimeSpan LongestSweepInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid Alert, string Filter), AlertCursor> _cursors = [];

    // One cursor claim at a time per store and filter: the next starts where the last ended, as the
    // database orders keys (its collation, not ours), so cursors never need comparing here.
    private readonly Dictionary<string, SemaphoreSlim> _cursorClaims = [];

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, ClaimFilter filter, CancellationToken ct)
    {
        var claimed = new List<ClaimedDelivery>(limit);
        claimed.AddRange(await ClaimRetriesAsync(owner, limit, now, leaseExpiresAt, filter, ct));
        if (claimed.Count >= limit)
        {
            return claimed;
        }

        var open = await OpenAlertsAsync(ct);
        var cursorClaim = CursorClaimOf(filter);
        await cursorClaim.WaitAsync(ct);
        try
        {
            foreach (var (alert, version) in open)
            {
                // Until an alert's queued rows run out, its cursor moves on; a new version (rows
                // committed since, perhaps behind the cursor) starts it over.
                while (claimed.Count < limit)
                {
                    var cursor = CursorFor((alert, filter.Key), version);
                    if (cursor.Exhausted)
                    {
                        break;
                    }

                    var want = limit - claimed.Count;
                    var rows = await ClaimQueuedAsync(owner, alert, cursor.Recipient, cursor.Channel, want, leaseExpiresAt, filter, ct);
                    claimed.AddRange(rows);
                    Advance((alert, filter.Key), rows, exhausted: rows.Count < want);
                }
            }
        }
        finally
        {
            cursorClaim.Release();
        }

        // A claim of all but some channels (the dispatcher's catch-all for channels it has not
        // configured) finds nothing queued from the start, and a sweep reads the whole alert: every
        // second, that cost a tenth of a core at 250,000 deliveries. Its rows are only ever failed,
        // so picking up abandoned ones a lease later costs nothing.
        var sweepEvery = filter.Except is not null
            ? leaseExpiresAt - now
            : TimeSpan.FromTicks(Math.Min(LongestSweepInterval.Ticks, (leaseExpiresAt - now).Ticks / 2));
        foreach (var (alert, version) in open)
        {
            if (claimed.Count >= limit)
            {
                break;
            }

            if (!DueForSweep((alert, filter.Key), version, now, sweepEvery))
            {
                continue;
            }

            var expired = await ClaimExpiredAsync(owner, alert, limit - claimed.Count, now, leaseExpiresAt, filter, ct);
            claimed.AddRange(expired);

            // Nothing queued, nothing abandoned: closed if nothing is left unfinished at this version.
            // If something is, it may be a queued row this cursor passed while another worker's
            // claim held it and then failed or died (its rows stay queued): once a lease period,
            // the cursor starts over.
            if (expired.Count == 0 && !await CloseIfFinishedAsync(alert, version, ct))
            {
                RestartIfDue((alert, filter.Key), now, leaseExpiresAt - now);
            }
        }

        return claimed;
    }

    public abstract Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct);

    public abstract Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct);

    public abstract Task<bool> HasUnfinishedAsync(CancellationToken ct);

    public virtual ValueTask DisposeAsync()
    {
        lock (_lock)
        {
            foreach (var cursorClaim in _cursorClaims.Values)
            {
                cursorClaim.Dispose();
            }
        }

        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Alerts with deliveries not known to be finished, and their versions.</summary>
    protected abstract Task<IReadOnlyList<(Guid Alert, long Version)>> OpenAlertsAsync(CancellationToken ct);

    /// <summary>Retried deliveries of the filter's channels whose time has come.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimRetriesAsync(string owner, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct);

    /// <summary>Queued deliveries of the alert and the filter's channels after (recipient, channel) in key order; the last one returned is the greatest.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimQueuedAsync(string owner, Guid alert, Guid afterRecipient, string afterChannel, int limit, DateTime lease, ClaimFilter filter, CancellationToken ct);

    /// <summary>Deliveries of the alert and the filter's channels sending under a lease that ran out.</summary>
    protected abstract Task<IReadOnlyList<ClaimedDelivery>> ClaimExpiredAsync(string owner, Guid alert, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct);

    /// <summary><paramref name="condition"/> and the filter's channel condition, whose parameters <see cref="FilterParameters"/> gives.</summary>
    protected static string Filtered(string condition, ClaimFilter filter) => filter switch
    {
        { Only: not null } => condition + OnlyChannel,
        { Except.Count: > 0 } => condition + string.Format(CultureInfo.InvariantCulture, ExceptChannels, string.Join(", ", filter.Except.Select((_, i) => "@except" + i.ToString(CultureInfo.InvariantCulture)))),
        _ => condition,
    };

    /// <summary>The parameters of <see cref="Filtered"/>, named without a prefix.</summary>
    protected static IEnumerable<(string Name, object Value)> FilterParameters(ClaimFilter filter) => filter switch
    {
        { Only: { } only } => [("only", only)],
        { Except: { } except } => except.Select((channel, i) => ("except" + i.ToString(CultureInfo.InvariantCulture), (object)channel)),
        _ => [],
    };

    /// <summary>Marks the alert finished if it is still at this version and has no unfinished delivery; says whether it did.</summary>
    protected abstract Task<bool> CloseIfFinishedAsync(Guid alert, long version, CancellationToken ct);

    private SemaphoreSlim CursorClaimOf(ClaimFilter filter)
    {
        lock (_lock)
        {
            if (!_cursorClaims.TryGetValue(filter.Key, out var cursorClaim))
            {
                cursorClaim = new SemaphoreSlim(1, 1);
                _cursorClaims[filter.Key] = cursorClaim;
            }

            return cursorClaim;
        }
    }

    private AlertCursor CursorFor((Guid Alert, string Filter) key, long version)
    {
        lock (_lock)
        {
            if (!_cursors.TryGetValue(key, out var cursor) || cursor.Version != version)
            {
                cursor = new AlertCursor(version, Guid.Empty, "", Exhausted: false, LastSweep: cursor?.LastSweep ?? DateTime.MinValue, LastRestart: cursor?.LastRestart ?? DateTime.MinValue);
                _cursors[key] = cursor;
            }

            return cursor;
        }
    }

    private void Advance((Guid Alert, string Filter) key, IReadOnlyList<ClaimedDelivery> rows, bool exhausted)
    {
        lock (_lock)
        {
            var cursor = _cursors[key];
            if (rows.Count > 0)
            {
                cursor = cursor with { Recipient = rows[^1].RecipientId, Channel = rows[^1].Channel };
            }

            _cursors[key] = cursor with { Exhausted = exhausted };
        }
    }

    private bool DueForSweep((Guid Alert, string Filter) key, long version, DateTime now, TimeSpan every)
    {
        lock (_lock)
        {
            var cursor = CursorFor(key, version);
            if (!cursor.Exhausted || now - cursor.LastSweep < every)
            {
                return false;
            }

            _cursors[key] = cursor with { LastSweep = now };
            return true;
        }
    }

    private void RestartIfDue((Guid Alert, string Filter) key, DateTime now, TimeSpan lease)
    {
        lock (_lock)
        {
            var cursor = _cursors[key];
            if (cursor.Exhausted && now - cursor.LastRestart >= lease)
            {
                _cursors[key] = cursor with { Recipient = Guid.Empty, Channel = "", Exhausted = false, LastRestart = now };
            }
        }
    }

    private sealed record AlertCursor(long Version, Guid Recipient, string Channel, bool Exhausted, DateTime LastSweep, DateTime LastRestart);
}
