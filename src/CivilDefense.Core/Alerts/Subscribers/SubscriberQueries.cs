using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>The one projection of subscribers into views, shared by get, list and export.</summary>
internal static class SubscriberQueries
{
    public static IQueryable<SubscriberView> Project(IQueryable<Subscriber> query) =>
        query.Select(s => new SubscriberView(
            s.Id, s.Kind, s.Name, s.Phone, s.Email, s.Language, s.Latitude, s.Longitude,
            s.UnitId, s.Unit.Code, s.Unit.Name, s.OrganizationId, s.Organization == null ? null : s.Organization.Name,
            s.ContactOrder, s.IsDutyOfficer, s.WebhookUrl, s.Status, s.Origin, s.ConfirmedAt, s.CreatedAt, s.UpdatedAt, s.Version, false));

    public static async Task<SubscriberView?> FindAsync(PtdsDbContext db, int id, CancellationToken ct)
    {
        var view = await Project(db.Subscribers.AsNoTracking().Where(s => s.Id == id)).SingleOrDefaultAsync(ct);
        return view is null ? null : SubscriberPrivacy.Apply(db.Actor, view);
    }
}
