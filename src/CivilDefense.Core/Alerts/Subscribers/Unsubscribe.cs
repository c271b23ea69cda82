using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// The way out that always works: a signed link per subscriber, no login, no expiry. Following it
/// again, or after staff deactivated the record, still answers "unsubscribed".
/// </summary>
public sealed class Unsubscribe(PtdsDbContext db, SubscriberKeys keys)
{
    public sealed record Unsubscribed(int SubscriberId, DateTime At);

    public async Task<Result<Unsubscribed>> HandleAsync(string? token, CancellationToken ct)
    {
        if (keys.ReadUnsubscribeToken(token) is not { } id)
        {
            return new NotFoundError("This unsubscribe link is not valid.");
        }

        var subscriber = await db.Subscribers.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return new NotFoundError("This unsubscribe link is not valid.");
        }

        if (subscriber.Status != SubscriberStatus.Unsubscribed)
        {
            subscriber.Status = SubscriberStatus.Unsubscribed;
            subscriber.UnsubscribedAt = db.Clock.GetUtcNow().UtcDateTime;
            subscriber.ConfirmationHash = null;
            await db.SaveChangesAsync(ct);
        }

        return new Unsubscribed(subscriber.Id, subscriber.UnsubscribedAt ?? subscriber.UpdatedAt);
    }
}
