using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Tests.Plans.Bodies;

public sealed class BodyResolverTests
{
    private const int Province = 1;
    private const int TanHoa = 2;
    private const int LongPhuoc = 3;

    private static readonly KnownOrganization[] Registry =
    [
        P(1, "Tỉnh ủy Tây Ninh", "TU", OrganizationKind.PartyCommittee),
        P(2, "Ban Thường vụ Tỉnh ủy Tây Ninh", "BTV Tỉnh ủy", OrganizationKind.PartyCommittee),
        P(3, "Đảng ủy Quân sự tỉnh Tây Ninh", null, OrganizationKind.PartyCommittee),
        P(4, "Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh", null, OrganizationKind.PartyCommittee),
        P(5, "Đảng đoàn Hội đồng nhân dân tỉnh Tây Ninh", null, OrganizationKind.PartyCommittee),
        P(6, "Ủy ban Kiểm tra Tỉnh ủy Tây Ninh", null, OrganizationKind.PartyCommittee),
        P(7, "Ban Tuyên giáo và Dân vận Tỉnh ủy Tây Ninh", null, OrganizationKind.PartyCommittee),
        P(8, "Ủy ban nhân dân tỉnh Tây Ninh", "UBND tỉnh", OrganizationKind.PeoplesCommittee),
        P(9, "Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Bộ CHQS tỉnh", OrganizationKind.MilitaryCommand),
        P(10, "Sở Nông nghiệp và Môi trường tỉnh Tây Ninh", "Sở NN&MT", OrganizationKind.Department),
        P(11, "Sở Y tế tỉnh Tây Ninh", "Sở YT", OrganizationKind.Department),
        new(12, "Ủy ban nhân dân xã Tân Hòa", "UBND xã", OrganizationKind.PeoplesCommittee, TanHoa, 3, "xã Tân Hòa", "/1/2/"),
        new(13, "Ủy ban nhân dân xã Long Phước", "UBND xã", OrganizationKind.PeoplesCommittee, LongPhuoc, 3, "Long Phước", "/1/3/"),
        new(14, "Đảng ủy xã Tân Hòa", null, OrganizationKind.PartyCommittee, TanHoa, 3, "Tân Hòa", "/1/2/"),
        P(15, "Công an tỉnh Tây Ninh", "CA tỉnh", OrganizationKind.Police),
        P(16, "Hội Chữ thập đỏ tỉnh Tây Ninh", "Hội CTĐ tỉnh", OrganizationKind.MassOrganization),
        P(17, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh", "UBMTTQ tỉnh", OrganizationKind.FatherlandFront),
    ];

    private readonly BodyResolver _resolver = new(Registry);

    [Theory]
    [InlineData("Đảng ủy Quân sự tỉnh", 3)]
    [InlineData("ĐẢNG ỦY QUÂN SỰ TỈNH TÂY NINH", 3)]
    [InlineData("Ban cán sự đảng UBND tỉnh", 4)]
    [InlineData("Ban cán sự đảng Ủy ban nhân dân tỉnh", 4)]
    [InlineData("Ban Thường vụ Tỉnh ủy", 2)]
    [InlineData("BTV Tỉnh ủy", 2)]
    [InlineData("Ủy ban Kiểm tra Tỉnh ủy", 6)]
    [InlineData("Bộ CHQS tỉnh", 9)]
    [InlineData("Bộ Chỉ huy quân sự tỉnh", 9)]
    [InlineData("Sở NN&MT", 10)]
    [InlineData("Sở Y tế", 11)]
    [InlineData("Công an tỉnh", 15)]
    [InlineData("CA tỉnh", 15)]
    [InlineData("Uỷ ban nhân dân tỉnh", 8)]
    [InlineData("Ủy ban MTTQ Việt Nam tỉnh", 17)]
    [InlineData("Hội CTĐ tỉnh Tây Ninh", 16)]
    public void Names_match_through_case_diacritics_abbreviations_and_a_missing_province(string mention, int id)
    {
        var matched = Assert.IsType<MatchedBody>(_resolver.Resolve(mention, Province));
        Assert.Equal(id, matched.OrganizationId);
        Assert.Equal(mention, matched.Mention);
        Assert.False(string.IsNullOrWhiteSpace(matched.How));
    }

    [Fact]
    public void A_typo_within_one_edit_matches_with_an_explanation()
    {
        var matched = Assert.IsType<MatchedBody>(_resolver.Resolve("Sở Nông nghệp và Môi trường", Province));
        Assert.Equal(10, matched.OrganizationId);
        Assert.True(matched.Score is >= BodyResolver.FuzzyThreshold and < 1);
        Assert.Contains("'nghep' as 'nghiep'", matched.How);
    }

    [Fact]
    public void A_typo_in_a_commune_name_still_tells_the_communes_apart()
    {
        var matched = Assert.IsType<MatchedBody>(_resolver.Resolve("Ủy ban nhân dân xã Longg Phước", null));
        Assert.Equal(13, matched.OrganizationId);
    }

    [Fact]
    public void The_stray_first_word_of_Can_ban_can_su_dang_is_ignored_and_the_group_expands()
    {
        var group = Assert.IsType<GroupBody>(_resolver.Resolve("Cán ban cán sự đảng, đảng đoàn", Province));
        Assert.Equal("party-delegations", group.GroupKey);
        Assert.Equal([4, 5], group.MemberIds.Order());
        Assert.Contains("'Cán'", group.How);
    }

    [Theory]
    [InlineData("các sở, ban, ngành tỉnh", "departments", new[] { 10, 11 })]
    [InlineData("Các cấp ủy, tổ chức đảng, chính quyền", "party-committees-and-authorities", new[] { 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14 })]
    [InlineData("các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "subordinate-party-committees", new[] { 3, 14 })]
    [InlineData("chính quyền các cấp", "authorities-all-levels", new[] { 8, 12, 13 })]
    [InlineData("các tổ chức chính trị - xã hội tỉnh", "socio-political-organisations", new[] { 16 })]
    [InlineData("các huyện ủy, thị ủy, thành ủy", "district-party-committees", new int[0])]
    public void Group_phrases_expand_to_their_members(string mention, string key, int[] members)
    {
        var group = Assert.IsType<GroupBody>(_resolver.Resolve(mention, Province));
        Assert.Equal(key, group.GroupKey);
        Assert.Equal(members, group.MemberIds.Order());
    }

    [Fact]
    public void A_name_shared_by_communes_is_picked_by_the_plan_unit_or_left_for_review()
    {
        Assert.Equal(12, Assert.IsType<MatchedBody>(_resolver.Resolve("Ủy ban nhân dân xã", TanHoa)).OrganizationId);
        Assert.Equal(13, Assert.IsType<MatchedBody>(_resolver.Resolve("UBND xã", LongPhuoc)).OrganizationId);
        var unmatched = Assert.IsType<UnmatchedBody>(_resolver.Resolve("UBND xã", Province));
        Assert.Equal([12, 13], unmatched.Suggestions.Select(s => s.OrganizationId).Order());
    }

    [Fact]
    public void An_unknown_body_is_unmatched_with_the_closest_suggestions()
    {
        var unmatched = Assert.IsType<UnmatchedBody>(_resolver.Resolve("Ban Tuyên giáo Tỉnh ủy", Province));
        Assert.Equal(7, unmatched.Suggestions[0].OrganizationId);
        Assert.True(unmatched.Suggestions.Count <= 3);
        Assert.IsType<UnmatchedBody>(_resolver.Resolve("Đài Truyền hình Trung ương", Province));
    }

    [Fact]
    public void A_confirmed_alias_wins()
    {
        var aliases = new Dictionary<string, int> { [BodyNames.Key("BCĐ PCTT và TKCN tỉnh")] = 9 };
        var resolver = new BodyResolver(Registry, aliases: aliases);
        var matched = Assert.IsType<MatchedBody>(resolver.Resolve("Ban Chỉ đạo Phòng chống thiên tai và Tìm kiếm cứu nạn tỉnh", Province));
        Assert.Equal(9, matched.OrganizationId);
        Assert.Contains("confirmed", matched.How);
    }

    [Fact]
    public void Hostile_names_are_handled()
    {
        Assert.IsType<UnmatchedBody>(_resolver.Resolve(new string('x', 2000) + "\u0000\u0007<script>alert(1)</script>", Province));
        Assert.IsType<UnmatchedBody>(_resolver.Resolve("", Province));
        Assert.IsType<UnmatchedBody>(_resolver.Resolve("\u0001\u0002", null));
    }

    [Fact]
    public void Keys_fold_case_diacritics_and_abbreviations_both_ways()
    {
        Assert.Equal(BodyNames.Key("Ủy ban nhân dân tỉnh"), BodyNames.Key("UBND tỉnh"));
        Assert.Equal(BodyNames.Key("Hội đồng nhân dân tỉnh"), BodyNames.Key("HĐND  Tỉnh."));
        Assert.Equal("dang uy quan su tinh", BodyNames.Key("Đảng ủy Quân sự tỉnh"));
        Assert.Equal("so ban nganh", BodyNames.Key("Các sở, ban, ngành"));
        Assert.Equal("hoi nghe ca", BodyNames.Key("Hội Nghề cá"));
        Assert.Equal("cong an xa", BodyNames.Key("CA xã"));
    }

    private static KnownOrganization P(int id, string name, string? shortName, OrganizationKind kind) =>
        new(id, name, shortName, kind, Province, 1, "Tây Ninh", "/1/");
}
