using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// Staff take a subscriber off the lists or put them back. A subscriber who unsubscribed stays
/// out: only they can come back, by registering again; a pending one becomes active only by its code.
/// </summary>
public sealed class SetSubscriberActive(PtdsDbContext db)
{
    public async Task<Result<SubscriberView>> HandleAsync(int id, bool active, int version, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return new NotFoundError("No such subscriber.");
        }

        if (subscriber.Version != version)
        {
            return new ConflictError();
        }

        var target = active ? SubscriberStatus.Active : SubscriberStatus.Deactivated;
        if (subscriber.Status == target)
        {
            return (await SubscriberQueries.FindAsync(db, id, ct))!;
        }

        if (active && subscriber.Status != SubscriberStatus.Deactivated)
        {
            return ValidationError.ForField("status", subscriber.Status == SubscriberStatus.Unsubscribed
                ? "The subscriber unsubscribed; only they can subscribe again."
                : "A pending registration becomes active only with its confirmation code.");
        }

        subscriber.Status = target;
        await db.SaveChangesAsync(ct);
        return (await SubscriberQueries.FindAsync(db, id, ct))!;
    }
}
