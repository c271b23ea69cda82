using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>One organisation with its contacts. Out of scope reads as not found.</summary>
public sealed class GetOrganization(PtdsDbContext db)
{
    public async Task<Result<OrganizationDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var o = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new
        {
            Organization = o,
            UnitName = o.Unit.FullName,
            UnitPath = o.Unit.Path,
            ParentName = db.Organizations.Where(p => p.Id == o.ParentOrganizationId).Select(p => p.Name).FirstOrDefault(),
        }).SingleOrDefaultAsync(ct);
        if (o is null)
        {
            return new NotFoundError("No such organisation.");
        }

        var contacts = await db.OrganizationContacts.AsNoTracking().Where(c => c.OrganizationId == id)
            .OrderByDescending(c => c.IsDutyContact).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new ContactView(c.Id, c.OrganizationId, c.Name, c.Position, c.Phone, c.Email, c.IsDutyContact, c.Version))
            .ToListAsync(ct);
        var org = o.Organization;
        return new OrganizationDetails(
            org.Id, org.UnitId, o.UnitName, o.UnitPath, org.Kind, org.Name, org.ShortName, org.ParentOrganizationId, o.ParentName,
            org.Address, org.Phone, org.Email, org.IsActive, org.Version, contacts);
    }
}
