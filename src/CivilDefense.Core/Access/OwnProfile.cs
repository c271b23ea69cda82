using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// What any signed-in person may change about themselves: password (knowing the current one, so a
/// borrowed session cannot take the account over), language, display name and e-mail. The write guard
/// allows exactly these columns on one's own row.
/// </summary>
public sealed class OwnProfile(PtdsDbContext db)
{
    public sealed record PasswordInput(
        [property: Required] string CurrentPassword,
        [property: Required, StringLength(200)] string NewPassword);

    public sealed record ProfileInput(
        [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
        [property: EmailAddress, StringLength(200)] string? Email,
        [property: Required, RegularExpression("^(vi|en)$")] string Language);

    public async Task<Result<UserDetails>> GetAsync(CancellationToken ct)
    {
        var user = await FindAsync(ct);
        if (user is null)
        {
            return new NotFoundError("Only a signed-in person has a profile.");
        }

        return new UserDetails(
            user.Id, user.UserName, user.DisplayName, user.Email, user.Role, user.UnitId, user.Unit.FullName,
            user.OrganizationId, null, user.IsActive, user.IsLockedOut(db.Clock.GetUtcNow().UtcDateTime), user.LockoutEndsAt,
            user.FailedLoginCount, user.Language, user.CreatedAt, user.LastLoginAt, user.Version);
    }

    public async Task<Result<bool>> ChangePasswordAsync(PasswordInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var user = await FindAsync(ct);
        if (user is null)
        {
            return new NotFoundError("Only a signed-in person has a password.");
        }

        if (!Passwords.Verify(user, input.CurrentPassword))
        {
            return ValidationError.ForField(nameof(PasswordInput.CurrentPassword), "The current password is wrong.");
        }

        if (Passwords.Check(input.NewPassword) is { } weak)
        {
            return ValidationError.ForField(nameof(PasswordInput.NewPassword), weak);
        }

        user.PasswordHash = Passwords.Hash(user, input.NewPassword);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<UserDetails>> UpdateAsync(ProfileInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var user = await FindAsync(ct);
        if (user is null)
        {
            return new NotFoundError("Only a signed-in person has a profile.");
        }

        user.DisplayName = input.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.Language = input.Language;
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    private async Task<User?> FindAsync(CancellationToken ct) =>
        db.Actor.UserId is { } id ? await db.Users.Include(u => u.Unit).SingleOrDefaultAsync(u => u.Id == id, ct) : null;
}
