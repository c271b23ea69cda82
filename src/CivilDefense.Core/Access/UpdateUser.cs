using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// Changes a user's role, scope, organisation and names. The new unit must lie in the administrator's
/// subtree (no one is raised above the one granting), and nobody changes their own role or scope.
/// </summary>
public sealed class UpdateUser(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
        [property: Required] Role Role,
        [property: Required] int UnitId,
        int? OrganizationId = null,
        [property: EmailAddress, StringLength(200)] string? Email = null);

    public async Task<Result<UserDetails>> HandleAsync(int id, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.Users))
        {
            return new ForbiddenError("Only administrators manage users.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return new NotFoundError("No such user.");
        }

        var grant = await UserGrants.CheckAsync(db, input.Role, input.UnitId, input.OrganizationId, nameof(Input.UnitId), nameof(Input.OrganizationId), ct);
        if (grant.Error is { } refused)
        {
            return refused;
        }

        if (user.Id == db.Actor.UserId
            && (input.Role != user.Role || grant.Value!.UnitId != user.UnitId || grant.Value.OrganizationId != user.OrganizationId))
        {
            return new ForbiddenError("You may not change your own role or scope; ask another administrator.");
        }

        if (user.Version != input.Version)
        {
            return new ConflictError();
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(user).Property(u => u.Version).OriginalValue = input.Version;
        user.DisplayName = input.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.Role = input.Role;
        user.UnitId = grant.Value!.UnitId;
        user.OrganizationId = grant.Value.OrganizationId;
        await db.SaveChangesAsync(ct);
        return (await new GetUser(db).HandleAsync(id, ct)).Value!;
    }
}
