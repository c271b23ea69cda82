using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// An administrator's actions on an account that are not edits of its facts: deactivate, reactivate,
/// unlock, reset the password. Each is idempotent, so no version is asked for.
/// </summary>
public sealed class ManageUserAccount(PtdsDbContext db)
{
    public Task<Result<UserDetails>> DeactivateAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, user =>
        {
            // Locking oneself out would leave a subtree without the administrator who noticed the problem.
            if (user.Id == db.Actor.UserId)
            {
                return new ForbiddenError("You may not deactivate yourself.");
            }

            user.IsActive = false;
            return null;
        }, ct);

    public Task<Result<UserDetails>> ReactivateAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, user =>
        {
            user.IsActive = true;
            return null;
        }, ct);

    public Task<Result<UserDetails>> UnlockAsync(int id, CancellationToken ct) =>
        ChangeAsync(id, user =>
        {
            user.FailedLoginCount = 0;
            user.LockoutEndsAt = null;
            return null;
        }, ct);

    /// <summary>A new generated password, returned once; the account is unlocked too, since that is why resets are asked for.</summary>
    public async Task<Result<GeneratedPassword>> ResetPasswordAsync(int id, CancellationToken ct)
    {
        var password = Passwords.Generate();
        var result = await ChangeAsync(id, user =>
        {
            user.PasswordHash = Passwords.Hash(user, password);
            user.FailedLoginCount = 0;
            user.LockoutEndsAt = null;
            return null;
        }, ct);
        return result.IsSuccess ? new GeneratedPassword(result.Value!.Id, result.Value.UserName, password) : result.Error!;
    }

    /// <summary>The CLI knows people by user name.</summary>
    public async Task<Result<GeneratedPassword>> ResetPasswordAsync(string userName, CancellationToken ct)
    {
        var id = await db.Users.AsNoTracking().Where(u => u.UserName == userName.Trim()).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        return id is null ? new NotFoundError($"No user {userName}.") : await ResetPasswordAsync(id.Value, ct);
    }

    private async Task<Result<UserDetails>> ChangeAsync(int id, Func<User, Error?> change, CancellationToken ct)
    {
        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.Users))
        {
            return new ForbiddenError("Only administrators manage users.");
        }

        var user = await db.Users.Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return new NotFoundError("No such user.");
        }

        if (!AccessPolicy.CanGrant(db.Actor, user.Unit.Path))
        {
            return new ForbiddenError("You may only manage users within your own unit's subtree.");
        }

        if (change(user) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return (await new GetUser(db).HandleAsync(id, ct)).Value!;
    }
}
