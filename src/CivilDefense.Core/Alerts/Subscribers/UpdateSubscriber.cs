using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>Staff correct a subscriber's details; a stale version is a conflict. The status is changed by <see cref="SetSubscriberActive"/>.</summary>
public sealed class UpdateSubscriber(PtdsDbContext db)
{
    public async Task<Result<SubscriberView>> HandleAsync(int id, SubscriberInput input, int version, CancellationToken ct)
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

        if (!SubscriberPrivacy.MaySeePersonalData(db.Actor, subscriber.OrganizationId))
        {
            // Editing would mean sending back the masked values over the real ones.
            return new ForbiddenError("You may not change this subscriber.");
        }

        if (await input.ApplyToAsync(db, subscriber, ct) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct);
        return (await SubscriberQueries.FindAsync(db, id, ct))!;
    }
}
