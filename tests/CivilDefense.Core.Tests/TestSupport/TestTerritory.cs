using CivilDefense.Core.Access;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Tests.TestSupport;

/// <summary>
/// A small tree for scope tests: one province with communes A and B, and in each commune
/// organisations with a contact, and a command board with a member.
/// </summary>
public sealed class TestTerritory
{
    public required AdministrativeUnit Province { get; init; }

    public required AdministrativeUnit CommuneA { get; init; }

    public required AdministrativeUnit CommuneB { get; init; }

    /// <summary>Two organisations in A, so a liaison of one can be refused the other.</summary>
    public required Organization OrgA { get; init; }

    public required Organization OrgA2 { get; init; }

    public required Organization OrgB { get; init; }

    public required CommandBoard BoardA { get; init; }

    public required CommandBoard BoardB { get; init; }

    /// <summary>Seeds the tree as the system, in one save as a start-up seeder would.</summary>
    public static async Task<TestTerritory> SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(Actor.System);
        var province = Unit("01", "Tỉnh Một", UnitKind.Province, null);
        var communeA = Unit("00001", "Xã A", UnitKind.Commune, province);
        var communeB = Unit("00002", "Xã B", UnitKind.Commune, province);
        var orgA = Org("UBND xã A", communeA);
        var orgA2 = Org("Trạm y tế xã A", communeA);
        var orgB = Org("UBND xã B", communeB);
        var boardA = Board("Ban Chỉ huy PTDS xã A", communeA);
        var boardB = Board("Ban Chỉ huy PTDS xã B", communeB);
        db.AddRange(province, communeA, communeB, orgA, orgA2, orgB, boardA, boardB);
        await db.SaveChangesAsync();
        return new TestTerritory
        {
            Province = province,
            CommuneA = communeA,
            CommuneB = communeB,
            OrgA = orgA,
            OrgA2 = orgA2,
            OrgB = orgB,
            BoardA = boardA,
            BoardB = boardB,
        };
    }

    public static Actor ActorAt(AdministrativeUnit unit, Role role, int? organizationId = null, int? userId = null) =>
        new($"{role.ToString().ToLowerInvariant()}@{unit.Code}", role, unit.Id, unit.Path, organizationId, userId);

    private static AdministrativeUnit Unit(string code, string name, UnitKind kind, AdministrativeUnit? parent) => new()
    {
        Code = code,
        Name = name,
        FullName = parent is null ? name : $"{name}, {parent.Name}",
        Kind = kind,
        Level = UnitLevels.LevelOf(kind),
        Parent = parent,
    };

    private static Organization Org(string name, AdministrativeUnit unit) => new()
    {
        Name = name,
        Unit = unit,
        Kind = OrganizationKind.PeoplesCommittee,
        Contacts = [new OrganizationContact { Name = "Trực ban " + name, Phone = "0200000000", IsDutyContact = true }],
    };

    private static CommandBoard Board(string name, AdministrativeUnit unit) => new()
    {
        Name = name,
        Unit = unit,
        Members = [new BoardMember { FullName = "Nguyễn Văn A", Position = "Chủ tịch UBND", Role = BoardRole.Head }],
    };
}
