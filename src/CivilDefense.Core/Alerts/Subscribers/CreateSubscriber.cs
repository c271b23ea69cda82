using CivilDefense.Core.Common;
using CivilDefense.Core.Data;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// Staff add a resident or a duty contact. Staff vouch for the address, so the subscriber is
/// active at once (no confirmation round); the write guard decides whether the actor may.
/// </summary>
public sealed class CreateSubscriber(PtdsDbContext db)
{
    public async Task<Result<SubscriberView>> HandleAsync(SubscriberInput input, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var subscriber = new Subscriber
        {
            Name = "",
            Status = SubscriberStatus.Active,
            Origin = SubscriberOrigin.Staff,
            ConfirmedAt = now,
            CreatedAt = now,
        };
        if (await input.ApplyToAsync(db, subscriber, ct) is { } error)
        {
            return error;
        }

        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        return (await SubscriberQueries.FindAsync(db, subscriber.Id, ct))!;
    }
}
