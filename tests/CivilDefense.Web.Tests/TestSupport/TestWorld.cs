using CivilDefense.Core.Access;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Web.Tests.TestSupport;

public sealed record TestUser(int Id, string UserName, Role Role, int UnitId, string Token);

/// <summary>
/// A small province for integration tests: VN → Tây Ninh (80) → communes A and B, an
/// organisation and a command board in each, and one user per role with a bearer token:
/// admin (country), commander (province), officer A, officer B, viewer (province), liaison (org in A).
/// </summary>
public sealed class TestWorld
{
    public const string Password = "test-password-123";

    public required AdministrativeUnit Country { get; init; }

    public required AdministrativeUnit Province { get; init; }

    public required AdministrativeUnit CommuneA { get; init; }

    public required AdministrativeUnit CommuneB { get; init; }

    public required Organization OrganizationA { get; init; }

    public required Organization OrganizationB { get; init; }

    public required CommandBoard BoardA { get; init; }

    public required CommandBoard BoardB { get; init; }

    public required TestUser Admin { get; init; }

    public required TestUser Commander { get; init; }

    public required TestUser OfficerA { get; init; }

    public required TestUser OfficerB { get; init; }

    public required TestUser Viewer { get; init; }

    public required TestUser LiaisonA { get; init; }

    public static async Task<TestWorld> SeedAsync(PtdsDbContext db)
    {
        var country = new AdministrativeUnit { Code = "VN", Kind = UnitKind.Country, Name = "Việt Nam", FullName = "Việt Nam" };
        var province = new AdministrativeUnit { Code = "80", Kind = UnitKind.Province, Name = "Tây Ninh", FullName = "Tỉnh Tây Ninh", Parent = country, ValidFrom = new DateOnly(2025, 7, 1) };
        var communeA = new AdministrativeUnit { Code = "27700", Kind = UnitKind.Ward, Name = "Tân An", FullName = "Phường Tân An", Parent = province, Population = 100_000, AreaKm2 = 50 };
        var communeB = new AdministrativeUnit { Code = "25480", Kind = UnitKind.Commune, Name = "Tân Biên", FullName = "Xã Tân Biên", Parent = province, Population = 40_000, AreaKm2 = 200 };
        db.Units.AddRange(country, province, communeA, communeB);
        await db.SaveChangesAsync();

        var organizationA = new Organization { UnitId = communeA.Id, Kind = OrganizationKind.PeoplesCommittee, Name = "UBND phường Tân An" };
        var organizationB = new Organization { UnitId = communeB.Id, Kind = OrganizationKind.PeoplesCommittee, Name = "UBND xã Tân Biên" };
        db.Organizations.AddRange(organizationA, organizationB);
        await db.SaveChangesAsync();

        var boardA = new CommandBoard { UnitId = communeA.Id, Name = "Ban Chỉ huy PTDS phường Tân An", StandingAgencyId = organizationA.Id };
        var boardB = new CommandBoard { UnitId = communeB.Id, Name = "Ban Chỉ huy PTDS xã Tân Biên", StandingAgencyId = organizationB.Id };
        db.CommandBoards.AddRange(boardA, boardB);
        await db.SaveChangesAsync();

        async Task<TestUser> User(string name, Role role, AdministrativeUnit unit, int? organizationId = null)
        {
            var user = new User { UserName = name, DisplayName = name, Role = role, UnitId = unit.Id, OrganizationId = organizationId, CreatedAt = DateTime.UtcNow };
            user.PasswordHash = Passwords.Hash(user, Password);
            db.Users.Add(user);
            var token = TokenSecrets.Create();
            db.ApiTokens.Add(new ApiToken
            {
                Name = name + "-token",
                Prefix = token.Prefix,
                SecretHash = token.SecretHash,
                Role = role,
                UnitId = unit.Id,
                OrganizationId = organizationId,
                CreatedAt = DateTime.UtcNow,
                ExpiresAt = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
            return new TestUser(user.Id, name, role, unit.Id, token.Token);
        }

        return new TestWorld
        {
            Country = country,
            Province = province,
            CommuneA = communeA,
            CommuneB = communeB,
            OrganizationA = organizationA,
            OrganizationB = organizationB,
            BoardA = boardA,
            BoardB = boardB,
            Admin = await User("admin", Role.Administrator, country),
            Commander = await User("commander", Role.Commander, province),
            OfficerA = await User("officer-a", Role.Officer, communeA),
            OfficerB = await User("officer-b", Role.Officer, communeB),
            Viewer = await User("viewer", Role.Viewer, province),
            LiaisonA = await User("liaison-a", Role.AgencyLiaison, communeA, organizationA.Id),
        };
    }
}
