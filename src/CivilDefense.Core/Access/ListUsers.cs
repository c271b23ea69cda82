using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>Users in the administrator's subtree, filtered; the query filter already hides everyone else.</summary>
public sealed class ListUsers(PtdsDbContext db)
{
    public sealed record Query(Role? Role = null, int? UnitId = null, bool? Active = null, string? Search = null);

    public async Task<Result<Page<UserSummary>>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.Users))
        {
            return new ForbiddenError("Only administrators see users.");
        }

        return await Project(await FilterAsync(db, query, ct)).ToPageAsync(page, ct);
    }

    /// <summary>The filtered, ordered rows, shared with the CSV export so both show the same users.</summary>
    public static async Task<IQueryable<User>> FilterAsync(PtdsDbContext db, Query query, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (query.Role is { } role)
        {
            users = users.Where(u => u.Role == role);
        }

        if (query.UnitId is { } unitId)
        {
            // A unit filter means the unit and everything below it, as an administrator thinks of "their" users.
            var path = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "/none/";
            users = users.Where(u => u.Unit.Path.StartsWith(path));
        }

        if (query.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            users = users.Where(u => u.UserName.ToLower().Contains(term) || u.DisplayName.ToLower().Contains(term) || (u.Email != null && u.Email.ToLower().Contains(term)));
        }

        return users.OrderBy(u => u.UserName);
    }

    public static IQueryable<UserSummary> Project(IQueryable<User> users) =>
        users.Select(u => new UserSummary(
            u.Id, u.UserName, u.DisplayName, u.Email, u.Role, u.UnitId, u.Unit.FullName,
            u.OrganizationId, u.Organization != null ? u.Organization.Name : null, u.IsActive, u.LockoutEndsAt, u.LastLoginAt, u.Version));
}
