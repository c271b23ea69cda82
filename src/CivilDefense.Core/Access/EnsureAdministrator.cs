using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// First start: when no user exists, creates the administrator "admin" scoped to the root unit
/// with a random password, returned once so the host can print it. Later starts return null.
/// </summary>
public sealed class EnsureAdministrator(PtdsDbContext db)
{
    public const string UserName = "admin";

    public sealed record Created(string UserName, string Password);

    public async Task<Created?> HandleAsync(CancellationToken ct)
    {
        if (await db.Users.IgnoreQueryFilters().AnyAsync(ct))
        {
            return null;
        }

        var root = await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            // An empty database (demo seeding switched off) still needs a root to scope the administrator.
            root = new AdministrativeUnit { Code = "VN", Name = "Việt Nam", NameEn = "Viet Nam", FullName = "Việt Nam", FullNameEn = "Viet Nam", Kind = UnitKind.Country };
            db.Units.Add(root);
            await db.SaveChangesAsync(ct);
        }

        var password = Passwords.Generate();
        var admin = new User
        {
            UserName = UserName,
            DisplayName = "Quản trị hệ thống",
            Role = Role.Administrator,
            UnitId = root.Id,
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        };
        admin.PasswordHash = Passwords.Hash(admin, password);
        db.Users.Add(admin);
        await db.SaveChangesAsync(ct);
        return new Created(UserName, password);
    }
}
