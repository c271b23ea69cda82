using CivilDefense.Core.Data;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>One subscriber in scope (null when missing or out of scope), masked as the list is.</summary>
public sealed class GetSubscriber(PtdsDbContext db)
{
    public Task<SubscriberView?> HandleAsync(int id, CancellationToken ct) => SubscriberQueries.FindAsync(db, id, ct);
}
