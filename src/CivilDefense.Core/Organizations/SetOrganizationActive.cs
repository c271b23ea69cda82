using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>
/// Deactivates or reactivates an organisation. There is no hard delete: boards, plans and the
/// audit trail refer to organisations that have since been merged or dissolved.
/// </summary>
public sealed class SetOrganizationActive(PtdsDbContext db)
{
    public async Task<Result<OrganizationDetails>> HandleAsync(int id, bool active, CancellationToken ct)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return new NotFoundError("No such organisation.");
        }

        if (organization.IsActive != active)
        {
            organization.IsActive = active;
            await db.SaveChangesAsync(ct);
        }

        return (await new GetOrganization(db).HandleAsync(id, ct)).Value!;
    }
}
