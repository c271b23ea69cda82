using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>One user in the administrator's subtree; out of scope reads as not found.</summary>
public sealed class GetUser(PtdsDbContext db)
{
    public async Task<Result<UserDetails>> HandleAsync(int id, CancellationToken ct)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.Users))
        {
            return new ForbiddenError("Only administrators see users.");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserDetails(
                u.Id, u.UserName, u.DisplayName, u.Email, u.Role, u.UnitId, u.Unit.FullName,
                u.OrganizationId, u.Organization != null ? u.Organization.Name : null, u.IsActive,
                u.LockoutEndsAt != null && u.LockoutEndsAt > now, u.LockoutEndsAt,
                u.FailedLoginCount, u.Language, u.CreatedAt, u.LastLoginAt, u.Version))
            .SingleOrDefaultAsync(ct);
        return user is null ? new NotFoundError("No such user.") : user;
    }
}
