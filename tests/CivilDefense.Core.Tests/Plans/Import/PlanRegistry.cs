using CivilDefense.Core.Access;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Plans.Import;

/// <summary>
/// A province whose registry holds the bodies the Resolution 22 plans name (Party bodies, People's
/// Committee, Fatherland Front, mass organisations) and two communes, each with its Party committee
/// and People's Committee, so group phrases have members.
/// </summary>
public sealed class PlanRegistry
{
    public required AdministrativeUnit Province { get; init; }

    public required AdministrativeUnit CommuneA { get; init; }

    public required AdministrativeUnit CommuneB { get; init; }

    public required IReadOnlyDictionary<string, Organization> Orgs { get; init; }

    public static readonly (OrganizationKind Kind, string Name, string Short)[] ProvinceBodies =
    [
        (OrganizationKind.PartyCommittee, "Tỉnh ủy Tây Ninh", "TU"),
        (OrganizationKind.PartyCommittee, "Ban Thường vụ Tỉnh ủy Tây Ninh", "BTV Tỉnh ủy"),
        (OrganizationKind.PartyCommittee, "Đảng ủy Quân sự tỉnh Tây Ninh", "ĐUQS tỉnh"),
        (OrganizationKind.PartyCommittee, "Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh", "BCSĐ UBND tỉnh"),
        (OrganizationKind.PartyCommittee, "Ủy ban Kiểm tra Tỉnh ủy Tây Ninh", "UBKT Tỉnh ủy"),
        (OrganizationKind.PartyCommittee, "Ban Tuyên giáo Tỉnh ủy Tây Ninh", "BTG Tỉnh ủy"),
        (OrganizationKind.PartyCommittee, "Đảng ủy Công an tỉnh Tây Ninh", "ĐU CA tỉnh"),
        (OrganizationKind.PartyCommittee, "Đảng ủy Bộ đội Biên phòng tỉnh Tây Ninh", "ĐU BĐBP tỉnh"),
        (OrganizationKind.PartyCommittee, "Đảng đoàn Hội đồng nhân dân tỉnh Tây Ninh", "ĐĐ HĐND tỉnh"),
        (OrganizationKind.PartyCommittee, "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "ĐĐ MTTQ tỉnh"),
        (OrganizationKind.PeoplesCommittee, "Ủy ban nhân dân tỉnh Tây Ninh", "UBND tỉnh"),
        (OrganizationKind.FatherlandFront, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "UBMTTQ tỉnh"),
        (OrganizationKind.MassOrganization, "Hội Liên hiệp Phụ nữ tỉnh Tây Ninh", "Hội LHPN tỉnh"),
        (OrganizationKind.MassOrganization, "Tỉnh đoàn Tây Ninh", "Tỉnh đoàn"),
        (OrganizationKind.MilitaryCommand, "Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Bộ CHQS tỉnh"),
    ];

    public static async Task<PlanRegistry> SeedAsync(TestDatabase database)
    {
        await using var db = database.Context(Actor.System);
        var country = new AdministrativeUnit { Code = "VN", Name = "Việt Nam", FullName = "Việt Nam", Kind = UnitKind.Country };
        var province = new AdministrativeUnit { Code = "80", Name = "Tây Ninh", FullName = "Tỉnh Tây Ninh", Kind = UnitKind.Province, Parent = country };
        var communeA = new AdministrativeUnit { Code = "27700", Name = "Tân An", FullName = "Phường Tân An", Kind = UnitKind.Ward, Parent = province };
        var communeB = new AdministrativeUnit { Code = "25480", Name = "Tân Biên", FullName = "Xã Tân Biên", Kind = UnitKind.Commune, Parent = province };
        db.Units.AddRange(country, province, communeA, communeB);
        await db.SaveChangesAsync();

        var orgs = ProvinceBodies.Select(b => new Organization { Unit = province, Kind = b.Kind, Name = b.Name, ShortName = b.Short }).ToList();
        foreach (var commune in new[] { communeA, communeB })
        {
            orgs.Add(new Organization { Unit = commune, Kind = OrganizationKind.PartyCommittee, Name = $"Đảng ủy {commune.FullName}" });
            orgs.Add(new Organization { Unit = commune, Kind = OrganizationKind.PeoplesCommittee, Name = $"Ủy ban nhân dân {commune.FullName}" });
        }

        db.Organizations.AddRange(orgs);
        await db.SaveChangesAsync();
        return new PlanRegistry { Province = province, CommuneA = communeA, CommuneB = communeB, Orgs = orgs.ToDictionary(o => o.Name) };
    }
}
