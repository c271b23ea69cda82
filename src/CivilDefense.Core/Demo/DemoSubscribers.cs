using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Demo;

/// <summary>
/// Placeholder alert recipients for the demo province, so that an alert issued in the demo
/// reaches somebody: a few residents in every commune, located near its centroid, and the duty
/// contacts (first and second in the escalation order) of the province's emergency bodies, with
/// the provincial command board's duty officer. Every name is marked "(demo)", every e-mail is
/// on the reserved .example domain and every phone number is in a block no operator assigns
/// (+84 90 000 xxxx), so a misconfigured gateway cannot text a real person.
/// </summary>
internal static class DemoSubscribers
{
    public const int ResidentsPerCommune = 5;

    /// <summary>The province's bodies that answer alerts (they get two duty contacts each).</summary>
    private static readonly OrganizationKind[] RespondingKinds =
        [OrganizationKind.MilitaryCommand, OrganizationKind.Police, OrganizationKind.BorderGuard, OrganizationKind.Department, OrganizationKind.Hospital, OrganizationKind.PeoplesCommittee];

    public static async Task<int> SeedAsync(PtdsDbContext db, AdministrativeUnit province, IReadOnlyList<AdministrativeUnit> communes, CancellationToken ct)
    {
        var names = new PlaceholderNames();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var serial = 0;
        var random = new Random(80);
        var added = new List<Subscriber>();
        foreach (var commune in communes.Where(c => c.CentroidLat is not null && c.CentroidLon is not null).OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            for (var i = 0; i < ResidentsPerCommune; i++)
            {
                serial++;

                // Within about 400 m of the centroid: inside the commune for all but the thinnest shapes.
                var resident = Active(SubscriberKind.Resident, names.Next(), serial, commune.Id, now);
                resident.Latitude = commune.CentroidLat!.Value + ((random.NextDouble() - 0.5) * 0.008);
                resident.Longitude = commune.CentroidLon!.Value + ((random.NextDouble() - 0.5) * 0.008);
                added.Add(resident);
                added[^1].Language = (serial % 10) switch { 0 => SubscriberLanguages.English, _ => SubscriberLanguages.Vietnamese };
            }
        }

        var organizations = await db.Organizations.IgnoreQueryFilters()
            .Where(o => o.UnitId == province.Id && RespondingKinds.Contains(o.Kind))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        foreach (var organization in organizations)
        {
            for (var order = 1; order <= 2; order++)
            {
                serial++;
                var contact = Active(SubscriberKind.DutyContact, names.Next(), serial, province.Id, now);
                contact.OrganizationId = organization.Id;
                contact.ContactOrder = order;
                added.Add(contact);
            }
        }

        serial++;
        var dutyOfficer = Active(SubscriberKind.DutyContact, "Trực ban Ban Chỉ huy PTDS tỉnh (demo)", serial, province.Id, now);
        dutyOfficer.IsDutyOfficer = true;
        dutyOfficer.OrganizationId = organizations.FirstOrDefault(o => o.Kind == OrganizationKind.MilitaryCommand)?.Id;
        dutyOfficer.ContactOrder = dutyOfficer.OrganizationId is null ? null : 3;
        added.Add(dutyOfficer);

        db.Subscribers.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    private static Subscriber Active(SubscriberKind kind, string name, int serial, int unitId, DateTime now) => new()
    {
        Kind = kind,
        Name = name,
        Phone = $"+8490000{serial:D4}",
        Email = $"{(kind == SubscriberKind.Resident ? "cu-dan" : "truc")}-{serial:D4}@ptds-demo.example",
        UnitId = unitId,
        Status = SubscriberStatus.Active,
        Origin = SubscriberOrigin.Import,
        CreatedAt = now,
        ConfirmedAt = now,
    };
}
