using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

public sealed class MarkdownPlanTests
{
    private static readonly ParsedPlan Plan = PlanFixtures.Parse("ke-hoach-12-ubnd.md");

    [Fact]
    public void Header_fields_are_read()
    {
        Assert.Equal("Kế hoạch", Plan.Kind);
        Assert.Equal("12-KH/UBND", Plan.NumberSymbol);
        Assert.Equal("ỦY BAN NHÂN DÂN TỈNH TÂY NINH", Plan.IssuingBody);
        Assert.Equal(new DateOnly(2025, 2, 5), Plan.IssuedOn);
        Assert.Equal("Tây Ninh", Plan.IssuedAt);
        Assert.Equal("Triển khai công tác phòng thủ dân sự và ứng phó thiên tai năm 2025", Plan.Title);
        Assert.False(Plan.IsNarrative);
    }

    [Fact]
    public void Groups_and_tasks_follow_the_numbers_not_the_heading_levels()
    {
        Assert.Equal(["1", "2", "3"], Plan.Groups.Select(g => g.Number));
        Assert.Equal(["1.1", "1.2", "2.1", "2.2", "3"], Plan.Groups.SelectMany(g => g.Tasks).Select(t => t.Number));
        Assert.StartsWith("Đẩy mạnh tuyên truyền", Plan.Task("3").Text);
    }

    [Fact]
    public void Timings_of_every_kind()
    {
        Assert.Equal(new ParsedTiming(TimingKind.Date, "Trước ngày 30/6/2025", new DateOnly(2025, 6, 30), 2025, 2025), Plan.Task("1.1").Timing);
        Assert.Equal(new DateOnly(2025, 12, 31), Plan.Task("1.2").Timing.Date);
        Assert.Equal(new ParsedTiming(TimingKind.Period, "Giai đoạn 2025 - 2030", null, 2025, 2030), Plan.Task("2.1").Timing);
        Assert.Equal(new ParsedTiming(TimingKind.Year, "Năm 2026", null, 2026, 2026), Plan.Task("2.2").Timing);
        Assert.Equal(TimingKind.Unspecified, Plan.Task("3").Timing.Kind);
    }

    [Fact]
    public void Body_lists_split_on_semicolons_commas_and_va_but_keep_group_phrases_and_compound_names()
    {
        var t11 = Plan.Task("1.1");
        Assert.Equal(["Ủy ban nhân dân tỉnh"], t11.Directing);
        Assert.Equal(["Bộ CHQS tỉnh"], t11.Lead);
        Assert.Equal(["UBND các xã, phường", "Công an tỉnh", "Sở Văn hóa, Thể thao và Du lịch"], t11.Implementing);
        Assert.Equal(["Sở Nông nghiệp và Môi trường"], Plan.Task("1.2").Lead);
        Assert.Equal(["Các sở, ban, ngành tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Công an tỉnh"], Plan.Task("1.2").Implementing);
        Assert.Equal(["Ủy ban nhân dân các xã, phường, đặc khu"], Plan.Task("2.2").Implementing);
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh", "Đài Phát thanh và Truyền hình tỉnh"], Plan.Task("3").Implementing);
    }

    [Fact]
    public void Broken_sentence_is_joined_and_stray_letter_removed_with_notes()
    {
        Assert.Contains("trên địa bàn tỉnh, bảo đảm thống nhất.", Plan.Task("1.2").Text);
        Assert.Contains(Plan.Notes, n => n.Message.Contains("broken across two paragraphs"));
        Assert.Contains(Plan.Notes, n => n.Message.Contains("U+0436"));
        Assert.Contains(Plan.Objectives, o => o.Text == "Giảm thiểu thiệt hại về người và tài sản do thiên tai gây ra.");
    }

    [Fact]
    public void Aims_objectives_implementation_recipients_and_signature()
    {
        Assert.Equal(["Nâng cao năng lực ứng phó của các cơ quan, đơn vị trên địa bàn tỉnh."], Plan.Purposes);
        Assert.Equal(2, Plan.Requirements.Count);
        Assert.Equal([null, 2030], Plan.Objectives.Select(o => o.MilestoneYear));
        Assert.Equal(2, Plan.Implementation.Count);
        var first = Plan.Implementation[0];
        Assert.Equal(["Các sở, ban, ngành tỉnh"], first.Bodies);
        Assert.Equal("Ủy ban nhân dân tỉnh (qua Bộ Chỉ huy Quân sự tỉnh)", first.ReportsTo);
        Assert.Equal("định kỳ", first.Frequency);
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh", "Công an tỉnh"], Plan.Implementation[1].Bodies);
        Assert.Equal(["Bộ Quốc phòng", "Thường trực Tỉnh ủy", "Các sở, ban, ngành tỉnh", "Lưu: VT"], Plan.Recipients);
        Assert.Equal("KT. CHỦ TỊCH PHÓ CHỦ TỊCH", Plan.SignerTitle);
        Assert.Equal("Nguyễn Văn Demo", Plan.Signer);
    }
}
