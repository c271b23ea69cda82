using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// Checks a user name and password, with lockout after <see cref="User.MaxFailedLogins"/> failures
/// in a row. The same answer is given for an unknown user and a wrong password.
/// </summary>
public sealed class SignIn(PtdsDbContext db)
{
    public sealed record Input(string UserName, string Password);

    public sealed record SignedIn(int UserId, string UserName, string DisplayName, Role Role, int UnitId, string UnitPath, int? OrganizationId, string Language);

    public sealed record LockedOut(DateTime Until) : Error("The account is locked after repeated failures; try again later.");

    public sealed record BadCredentials() : Error("Wrong user name or password.");

    public async Task<Result<SignedIn>> HandleAsync(Input input, CancellationToken ct)
    {
        var user = await db.Users.IgnoreQueryFilters().Include(u => u.Unit)
            .SingleOrDefaultAsync(u => u.UserName == input.UserName.Trim(), ct);
        var now = db.Clock.GetUtcNow().UtcDateTime;
        if (user is null || !user.IsActive)
        {
            return new BadCredentials();
        }

        if (user.IsLockedOut(now))
        {
            return new LockedOut(user.LockoutEndsAt!.Value);
        }

        if (!Passwords.Verify(user, input.Password))
        {
            user.RecordFailedLogin(now);
            await db.SaveChangesAsync(ct);
            return user.IsLockedOut(now) ? new LockedOut(user.LockoutEndsAt!.Value) : new BadCredentials();
        }

        user.RecordSuccessfulLogin(now);
        await db.SaveChangesAsync(ct);
        return new SignedIn(user.Id, user.UserName, user.DisplayName, user.Role, user.UnitId, user.Unit.Path, user.OrganizationId, user.Language);
    }
}
