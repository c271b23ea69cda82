using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// Keeps a <see cref="TargetingIndex"/> of the active (confirmed) subscribers current. Before each
/// use it reads a fingerprint of the table, (row count, latest <c>updated_at</c>), one indexed
/// query; when it differs from the one the index was built from, the index is rebuilt whole from
/// the database. Every write stamps <c>updated_at</c> (write guard) and deletes change the count,
/// so a change made by any process, not only this one, is seen by the next alert. Rebuilding
/// rather than patching keeps the index immutable and lock-free for readers; building 2,000,000
/// points takes about a second (bench/targeting), rare next to how often subscribers change
/// during an alert. One process may hold the cache; concurrent callers wait for one rebuild.
/// </summary>
public sealed class SubscriberIndexCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (int Count, DateTime? LatestUpdate) _fingerprint = (-1, null);
    private TargetingIndex? _index;

    /// <summary>How many times the index was built: lets tests see that an unchanged table is not reloaded.</summary>
    public int Builds { get; private set; }

    public async Task<TargetingIndex> CurrentAsync(PtdsDbContext db, CancellationToken ct)
    {
        // Targeting serves the whole province's alert, whoever issues it: no scope filter here.
        var all = db.Subscribers.IgnoreQueryFilters();
        var fingerprint = (await all.CountAsync(ct), await all.MaxAsync(s => (DateTime?)s.UpdatedAt, ct));
        if (_index is { } current && fingerprint == _fingerprint)
        {
            return current;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_index is { } built && fingerprint == _fingerprint)
            {
                return built;
            }

            var rows = await all.AsNoTracking()
                .Where(s => s.Status == SubscriberStatus.Active)
                .Select(s => new SubscriberLocation(s.Id, s.Latitude, s.Longitude, s.Unit.Code))
                .ToListAsync(ct);
            _index = TargetingIndex.Build(rows);
            _fingerprint = fingerprint;
            Builds++;
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }
}
