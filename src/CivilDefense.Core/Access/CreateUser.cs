using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// Adds a user in the administrator's subtree. Without a password one is generated and returned
/// once, so an administrator never has to invent (and then send) one.
/// </summary>
public sealed class CreateUser(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required, RegularExpression("^[A-Za-z0-9._@-]{3,64}$")] string UserName,
        [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
        [property: Required] Role Role,
        [property: Required] int UnitId,
        int? OrganizationId = null,
        [property: EmailAddress, StringLength(200)] string? Email = null,
        [property: StringLength(200)] string? Password = null,
        [property: RegularExpression("^(vi|en)$")] string? Language = null);

    public async Task<Result<CreatedUser>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.Users))
        {
            return new ForbiddenError("Only administrators manage users.");
        }

        if (!string.IsNullOrEmpty(input.Password) && Passwords.Check(input.Password) is { } weak)
        {
            return ValidationError.ForField(nameof(Input.Password), weak);
        }

        var grant = await UserGrants.CheckAsync(db, input.Role, input.UnitId, input.OrganizationId, nameof(Input.UnitId), nameof(Input.OrganizationId), ct);
        if (grant.Error is { } refused)
        {
            return refused;
        }

        var userName = input.UserName.Trim();
        var lower = userName.ToLowerInvariant();
        // Unique across the whole database, not only the visible subtree: sign-in looks names up globally.
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.UserName.ToLower() == lower, ct))
        {
            return ValidationError.ForField(nameof(Input.UserName), $"The user name {userName} is taken.");
        }

        var password = string.IsNullOrEmpty(input.Password) ? Passwords.Generate() : input.Password;
        var user = new User
        {
            UserName = userName,
            DisplayName = input.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim(),
            Role = input.Role,
            UnitId = grant.Value!.UnitId,
            OrganizationId = grant.Value.OrganizationId,
            Language = input.Language ?? "vi",
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Passwords.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        var details = (await new GetUser(db).HandleAsync(user.Id, ct)).Value!;
        return new CreatedUser(details, string.IsNullOrEmpty(input.Password) ? password : null);
    }
}
