using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Demo;

/// <summary>
/// Placeholder organisations, contacts, command boards and duty shifts for the demo province.
/// Organisation names follow the real structure; every person, phone and e-mail is invented and
/// marked "(demo)" or uses the reserved .example domain, so nobody mistakes them for real contacts.
/// </summary>
internal static class DemoOrganizations
{
    public sealed record Counts(int Organizations, int Boards, int Members, int Shifts);

    private sealed record OrgSpec(OrganizationKind Kind, string Name, string ShortName, string ContactPosition);

    private static readonly OrgSpec[] ProvinceOrgs =
    [
        new(OrganizationKind.PartyCommittee, "Tỉnh ủy Tây Ninh", "TU", "Chánh Văn phòng Tỉnh ủy"),
        new(OrganizationKind.PeoplesCouncil, "Hội đồng nhân dân tỉnh Tây Ninh", "HĐND tỉnh", "Chánh Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
        new(OrganizationKind.PeoplesCommittee, "Ủy ban nhân dân tỉnh Tây Ninh", "UBND tỉnh", "Chủ tịch UBND tỉnh"),
        new(OrganizationKind.MilitaryCommand, "Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Bộ CHQS tỉnh", "Chỉ huy trưởng Bộ CHQS tỉnh"),
        new(OrganizationKind.Police, "Công an tỉnh Tây Ninh", "CA tỉnh", "Giám đốc Công an tỉnh"),
        new(OrganizationKind.BorderGuard, "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tây Ninh", "Bộ CHBĐBP tỉnh", "Chỉ huy trưởng Bộ CHBĐBP tỉnh"),
        new(OrganizationKind.Department, "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", "Sở NN&MT", "Giám đốc Sở Nông nghiệp và Môi trường"),
        new(OrganizationKind.Department, "Sở Y tế tỉnh Tây Ninh", "Sở YT", "Giám đốc Sở Y tế"),
        new(OrganizationKind.FatherlandFront, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "UBMTTQ tỉnh", "Chủ tịch Ủy ban MTTQ tỉnh"),
        new(OrganizationKind.MassOrganization, "Hội Chữ thập đỏ tỉnh Tây Ninh", "Hội CTĐ tỉnh", "Chủ tịch Hội Chữ thập đỏ tỉnh"),
        new(OrganizationKind.School, "Trường Trung học phổ thông Demo Tây Ninh (demo)", "THPT Demo", "Hiệu trưởng"),
        new(OrganizationKind.Hospital, "Bệnh viện Đa khoa tỉnh Tây Ninh", "BVĐK tỉnh", "Giám đốc Bệnh viện"),
        new(OrganizationKind.Enterprise, "Công ty TNHH Demo Vàm Cỏ (demo)", "Cty Demo", "Giám đốc Công ty"),
        new(OrganizationKind.Other, "Đài Khí tượng Thủy văn tỉnh Tây Ninh", "Đài KTTV tỉnh", "Giám đốc Đài"),

        // The Party's bodies: the Resolution 22 plans are Party plans and name these as directing and lead bodies.
        new(OrganizationKind.PartyCommittee, "Ban Thường vụ Tỉnh ủy Tây Ninh", "BTV Tỉnh ủy", "Chánh Văn phòng Tỉnh ủy"),
        new(OrganizationKind.PartyCommittee, "Đảng ủy Quân sự tỉnh Tây Ninh", "ĐUQS tỉnh", "Bí thư Đảng ủy Quân sự tỉnh"),
        new(OrganizationKind.PartyCommittee, "Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh", "BCSĐ UBND tỉnh", "Bí thư Ban cán sự đảng"),
        new(OrganizationKind.PartyCommittee, "Ủy ban Kiểm tra Tỉnh ủy Tây Ninh", "UBKT Tỉnh ủy", "Chủ nhiệm Ủy ban Kiểm tra"),
        new(OrganizationKind.PartyCommittee, "Ban Tuyên giáo Tỉnh ủy Tây Ninh", "BTG Tỉnh ủy", "Trưởng ban Tuyên giáo"),
        new(OrganizationKind.PartyCommittee, "Ban Nội chính Tỉnh ủy Tây Ninh", "BNC Tỉnh ủy", "Trưởng ban Nội chính"),
        new(OrganizationKind.PartyCommittee, "Văn phòng Tỉnh ủy Tây Ninh", "VPTU", "Chánh Văn phòng"),
        new(OrganizationKind.PartyCommittee, "Đảng ủy Công an tỉnh Tây Ninh", "ĐU CA tỉnh", "Bí thư Đảng ủy Công an tỉnh"),
        new(OrganizationKind.PartyCommittee, "Đảng ủy Bộ đội Biên phòng tỉnh Tây Ninh", "ĐU BĐBP tỉnh", "Bí thư Đảng ủy BĐBP tỉnh"),
        new(OrganizationKind.PartyCommittee, "Đảng đoàn Hội đồng nhân dân tỉnh Tây Ninh", "ĐĐ HĐND tỉnh", "Bí thư Đảng đoàn"),
        new(OrganizationKind.PartyCommittee, "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "ĐĐ MTTQ tỉnh", "Bí thư Đảng đoàn"),
        new(OrganizationKind.MassOrganization, "Tỉnh đoàn Tây Ninh", "Tỉnh đoàn", "Bí thư Tỉnh đoàn"),
        new(OrganizationKind.MassOrganization, "Hội Liên hiệp Phụ nữ tỉnh Tây Ninh", "Hội LHPN tỉnh", "Chủ tịch Hội"),
        new(OrganizationKind.MassOrganization, "Hội Nông dân tỉnh Tây Ninh", "Hội ND tỉnh", "Chủ tịch Hội"),
        new(OrganizationKind.MassOrganization, "Hội Cựu chiến binh tỉnh Tây Ninh", "Hội CCB tỉnh", "Chủ tịch Hội"),
        new(OrganizationKind.MassOrganization, "Liên đoàn Lao động tỉnh Tây Ninh", "LĐLĐ tỉnh", "Chủ tịch Liên đoàn"),
    ];

    public static async Task<Counts> SeedAsync(PtdsDbContext db, AdministrativeUnit province, IReadOnlyList<AdministrativeUnit> communes, CancellationToken ct)
    {
        var names = new PlaceholderNames();
        var phone = 0;

        // Organisations first: contacts and board members refer to them by id, which the write guard reads.
        var provinceOrgs = ProvinceOrgs.Select(s => Org(province, s.Kind, s.Name, s.ShortName, ++phone, null)).ToList();
        db.Organizations.AddRange(provinceOrgs);
        await SaveAsync(db, ct);

        var byShort = provinceOrgs.ToDictionary(o => o.ShortName!);
        var communeOrgs = new List<(AdministrativeUnit Commune, Organization Committee, Organization Military, Organization Police, Organization Economy, Organization Party)>();
        foreach (var c in communes)
        {
            var word = c.Kind == UnitKind.Ward ? "phường" : c.Kind == UnitKind.SpecialZone ? "đặc khu" : "xã";
            communeOrgs.Add((c,
                Org(c, OrganizationKind.PeoplesCommittee, $"Ủy ban nhân dân {c.FullName}", $"UBND {word}", ++phone, byShort["UBND tỉnh"]),
                Org(c, OrganizationKind.MilitaryCommand, $"Ban Chỉ huy Quân sự {c.FullName}", $"Ban CHQS {word}", ++phone, byShort["Bộ CHQS tỉnh"]),
                Org(c, OrganizationKind.Police, $"Công an {c.FullName}", $"CA {word}", ++phone, byShort["CA tỉnh"]),
                Org(c, OrganizationKind.Department, $"Phòng Kinh tế {c.FullName}", "Phòng Kinh tế", ++phone, null),
                Org(c, OrganizationKind.PartyCommittee, $"Đảng ủy {c.FullName}", $"ĐU {word}", ++phone, byShort["TU"])));
        }

        var allOrgs = provinceOrgs.Concat(communeOrgs.SelectMany(x => new[] { x.Committee, x.Military, x.Police, x.Economy, x.Party })).ToList();
        db.Organizations.AddRange(allOrgs.Skip(provinceOrgs.Count));
        await SaveAsync(db, ct);

        var positions = ProvinceOrgs.Zip(provinceOrgs).ToDictionary(p => p.Second, p => p.First.ContactPosition);
        db.OrganizationContacts.AddRange(allOrgs.Select(o => new OrganizationContact
        {
            OrganizationId = o.Id,
            Name = names.Next(),
            Position = positions.TryGetValue(o, out var p) ? p : "Cán bộ trực (demo)",
            Phone = o.Phone,
            Email = $"truc.{o.Id}@ptds-demo.example",
            IsDutyContact = true,
        }));
        await SaveAsync(db, ct);

        var provinceBoard = new CommandBoard
        {
            UnitId = province.Id,
            Name = "Ban Chỉ huy Phòng thủ dân sự tỉnh Tây Ninh",
            StandingAgencyId = byShort["Bộ CHQS tỉnh"].Id,
            EstablishingDecision = "Quyết định số 0000/QĐ-UBND (demo)",
            EstablishedOn = new DateOnly(2025, 7, 15),
        };
        var communeBoards = communeOrgs.Select(x => (x, Board: new CommandBoard
        {
            UnitId = x.Commune.Id,
            Name = $"Ban Chỉ huy Phòng thủ dân sự {x.Commune.FullName}",
            StandingAgencyId = x.Military.Id,
            EstablishingDecision = "Quyết định số 00/QĐ-UBND (demo)",
            EstablishedOn = new DateOnly(2025, 7, 15),
        })).ToList();
        db.CommandBoards.Add(provinceBoard);
        db.CommandBoards.AddRange(communeBoards.Select(b => b.Board));
        await SaveAsync(db, ct);

        List<BoardMember> provinceMembers =
        [
            Member(names, provinceBoard, BoardRole.Head, "Chủ tịch UBND tỉnh, Trưởng ban", byShort["UBND tỉnh"]),
            Member(names, provinceBoard, BoardRole.StandingDeputy, "Chỉ huy trưởng Bộ CHQS tỉnh, Phó Trưởng ban thường trực", byShort["Bộ CHQS tỉnh"]),
            Member(names, provinceBoard, BoardRole.Deputy, "Giám đốc Công an tỉnh, Phó Trưởng ban", byShort["CA tỉnh"]),
            Member(names, provinceBoard, BoardRole.Deputy, "Giám đốc Sở Nông nghiệp và Môi trường, Phó Trưởng ban", byShort["Sở NN&MT"]),
            Member(names, provinceBoard, BoardRole.Deputy, "Giám đốc Sở Y tế, Phó Trưởng ban", byShort["Sở YT"]),
            Member(names, provinceBoard, BoardRole.Member, "Chỉ huy trưởng Bộ CHBĐBP tỉnh, Ủy viên", byShort["Bộ CHBĐBP tỉnh"]),
            Member(names, provinceBoard, BoardRole.Member, "Chủ tịch Hội Chữ thập đỏ tỉnh, Ủy viên", byShort["Hội CTĐ tỉnh"]),
            Member(names, provinceBoard, BoardRole.Member, "Giám đốc Đài Khí tượng Thủy văn tỉnh, Ủy viên", byShort["Đài KTTV tỉnh"]),
        ];
        var members = new List<BoardMember>(provinceMembers);
        foreach (var (x, board) in communeBoards)
        {
            // Commune composition (MISSION.md): head the chairman; deputies the military commander, the police chief, the head of the economic office.
            members.Add(Member(names, board, BoardRole.Head, "Chủ tịch UBND, Trưởng ban", x.Committee));
            members.Add(Member(names, board, BoardRole.Deputy, "Chỉ huy trưởng Ban CHQS, Phó Trưởng ban", x.Military));
            members.Add(Member(names, board, BoardRole.Deputy, "Trưởng Công an, Phó Trưởng ban", x.Police));
            members.Add(Member(names, board, BoardRole.Deputy, "Trưởng phòng Kinh tế, Phó Trưởng ban", x.Economy));
        }

        db.BoardMembers.AddRange(members);
        await SaveAsync(db, ct);

        var shifts = WeekOfShifts(db.Clock, provinceBoard, provinceMembers.Where(m => m.Role != BoardRole.Head).ToList());
        db.DutyShifts.AddRange(shifts);
        await SaveAsync(db, ct);

        return new Counts(allOrgs.Count, communeBoards.Count + 1, members.Count, shifts.Count);
    }

    /// <summary>
    /// Seven days from today (Vietnam time, UTC+7, no daylight saving), a day shift 07:00-19:00 and
    /// a night shift 19:00-07:00, rotating through the members other than the head.
    /// </summary>
    private static List<DutyShift> WeekOfShifts(TimeProvider clock, CommandBoard board, IReadOnlyList<BoardMember> rota)
    {
        var vietnam = TimeSpan.FromHours(7);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(vietnam).DateTime);
        var firstStart = new DateTimeOffset(today.ToDateTime(new TimeOnly(7, 0)), vietnam).UtcDateTime;
        return Enumerable.Range(0, 14).Select(i => new DutyShift
        {
            BoardId = board.Id,
            MemberId = rota[i % rota.Count].Id,
            StartsAt = firstStart.AddHours(12 * i),
            EndsAt = firstStart.AddHours(12 * (i + 1)),
            Note = i % 2 == 0 ? "Ca ngày (demo)" : "Ca đêm (demo)",
        }).ToList();
    }

    private static Organization Org(AdministrativeUnit unit, OrganizationKind kind, string name, string shortName, int phone, Organization? parent) => new()
    {
        UnitId = unit.Id,
        ParentOrganizationId = parent?.Id,
        Kind = kind,
        Name = name,
        ShortName = shortName,
        Phone = $"000-{phone:D4} (demo)",
        Email = $"org{phone:D4}@ptds-demo.example",
    };

    private static BoardMember Member(PlaceholderNames names, CommandBoard board, BoardRole role, string position, Organization organization) => new()
    {
        BoardId = board.Id,
        FullName = names.Next(),
        Position = position,
        Role = role,
        OrganizationId = organization.Id,
        Phone = organization.Phone,
    };

    /// <summary>Saves and forgets: the write guard's per-entry tracker lookups would grow with every stage otherwise. Ids stay on the objects.</summary>
    private static async Task SaveAsync(PtdsDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}

/// <summary>"Nguyễn Văn A (demo)", "Trần Thị A (demo)"…: obviously invented, distinct enough to tell apart in a list.</summary>
internal sealed class PlaceholderNames
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng"];
    private static readonly string[] Letters = ["A", "B", "C", "D", "E", "G", "H", "K", "L", "M", "N", "P"];
    private int _next;

    public string Next()
    {
        var n = _next++;
        var middle = n % 3 == 1 ? "Thị" : "Văn";
        var round = n / (FamilyNames.Length * Letters.Length);
        var suffix = round > 0 ? $" {round + 1}" : "";
        return $"{FamilyNames[n % FamilyNames.Length]} {middle} {Letters[n / FamilyNames.Length % Letters.Length]}{suffix} (demo)";
    }
}
