using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Feeds;

public sealed record FeedInput(
    [property: Required, MaxLength(200)] string Name,
    [property: Required, MaxLength(2000)] string Url,
    int? UnitId = null,
    bool Enabled = true,
    [property: Range(1, 1440)] int IntervalMinutes = 5,
    int? Version = null);

public sealed record FeedView(int Id, int UnitId, string Name, string Url, bool Enabled, int IntervalMinutes, DateTime? LastPolledAt, string? LastOutcome, bool LastPollFailed, int Received, int Version);

/// <summary>The province's list of neighbour feeds: read by all in scope, set by its administrators and commanders.</summary>
public sealed class ManageFeeds(PtdsDbContext db)
{
    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken ct) =>
        await db.NeighbourFeeds.OrderBy(f => f.Name)
            .Select(f => new FeedView(f.Id, f.UnitId, f.Name, f.Url, f.Enabled, f.IntervalMinutes, f.LastPolledAt, f.LastOutcome, f.LastPollFailed,
                db.ReceivedAlerts.Count(r => r.FeedId == f.Id), f.Version))
            .ToListAsync(ct);

    public async Task<Result<FeedView>> SaveAsync(int? id, FeedInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!Uri.TryCreate(input.Url.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ValidationError.ForField("url", "A feed address is an absolute http or https URL.");
        }

        NeighbourFeed? feed;
        if (id is null)
        {
            var unitId = input.UnitId ?? await ProvinceIdAsync(ct);
            // Read past the unit filter: a commune user names its province, and is then refused (403), not told it does not exist.
            var unit = unitId is null ? null : await db.Units.IgnoreQueryFilters().SingleOrDefaultAsync(u => u.Id == unitId, ct);
            if (unit is null || unit.Level != 1 || !(db.Actor.Covers(unit.Path) || (db.Actor.UnitPath ?? "").StartsWith(unit.Path, StringComparison.Ordinal)))
            {
                return ValidationError.ForField("unitId", "Choose the province the feed is polled for.");
            }

            feed = new NeighbourFeed { UnitId = unit.Id, Name = input.Name.Trim(), Url = url.AbsoluteUri };
            if (!AccessPolicy.CanWrite(db.Actor, Resource.AlertFeeds, unit.Path))
            {
                return new ForbiddenError("Only the province's administrators and commanders set its feeds.");
            }

            db.NeighbourFeeds.Add(feed);
        }
        else
        {
            feed = await db.NeighbourFeeds.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (feed is null)
            {
                return new NotFoundError();
            }

            if (!AccessPolicy.CanWrite(db.Actor, Resource.AlertFeeds, feed.UnitPath))
            {
                return new ForbiddenError("Only the province's administrators and commanders set its feeds.");
            }

            if (input.Version is { } version && version != feed.Version)
            {
                return new ConflictError();
            }

            (feed.Name, feed.Url) = (input.Name.Trim(), url.AbsoluteUri);
        }

        (feed.Enabled, feed.IntervalMinutes) = (input.Enabled, input.IntervalMinutes);
        await db.SaveChangesAsync(ct);
        return new FeedView(feed.Id, feed.UnitId, feed.Name, feed.Url, feed.Enabled, feed.IntervalMinutes, feed.LastPolledAt, feed.LastOutcome, feed.LastPollFailed, 0, feed.Version);
    }

    /// <summary>
    /// Removes a feed that never delivered anything (a mistyped address). A feed with received
    /// alerts is refused: deleting it would delete what was received from it, which operators
    /// and the audit may still need; it is disabled instead.
    /// </summary>
    public async Task<Result<bool>> DeleteAsync(int id, CancellationToken ct)
    {
        var feed = await db.NeighbourFeeds.SingleOrDefaultAsync(f => f.Id == id, ct);
        if (feed is null)
        {
            return new NotFoundError();
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.AlertFeeds, feed.UnitPath))
        {
            return new ForbiddenError("Only the province's administrators and commanders set its feeds.");
        }

        if (await db.ReceivedAlerts.IgnoreQueryFilters().AnyAsync(r => r.FeedId == id, ct))
        {
            return new ConflictError("This feed has delivered alerts that are kept; disable it instead of deleting it.");
        }

        db.NeighbourFeeds.Remove(feed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Feeds due for a poll (enabled, never polled or polled an interval ago), for the hosted service.</summary>
    public async Task<IReadOnlyList<int>> DueAsync(DateTime now, CancellationToken ct)
    {
        var feeds = await db.NeighbourFeeds.IgnoreQueryFilters().Where(f => f.Enabled).Select(f => new { f.Id, f.LastPolledAt, f.IntervalMinutes }).ToListAsync(ct);
        return [.. feeds.Where(f => f.LastPolledAt is null || f.LastPolledAt.Value.AddMinutes(f.IntervalMinutes) <= now).Select(f => f.Id)];
    }

    private async Task<int?> ProvinceIdAsync(CancellationToken ct)
    {
        var path = db.Actor.UnitPath ?? "";
        return await db.Units.IgnoreQueryFilters().Where(u => u.Level == 1 && path.StartsWith(u.Path)).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
    }
}
