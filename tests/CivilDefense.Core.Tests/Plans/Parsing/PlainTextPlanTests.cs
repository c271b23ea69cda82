using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

public sealed class PlainTextPlanTests
{
    private static readonly ParsedPlan Plan = PlanFixtures.Parse("chuong-trinh-plain.txt");

    [Fact]
    public void Plain_text_reads_like_markdown()
    {
        Assert.Equal("07-KH/BCH", Plan.NumberSymbol);
        Assert.Equal("BAN CHỈ HUY QUÂN SỰ XÃ DEMO", Plan.IssuingBody);
        Assert.Equal(new DateOnly(2025, 1, 10), Plan.IssuedOn);
        Assert.Equal("Huấn luyện lực lượng dân quân tham gia phòng thủ dân sự năm 2025", Plan.Title);
        Assert.Equal(["1.a)", "1.b)", "2"], Plan.Groups.SelectMany(g => g.Tasks).Select(t => t.Number));
    }

    [Fact]
    public void Lettered_tasks_with_bare_field_labels()
    {
        var a = Plan.Task("1.a)");
        Assert.Equal(["Ban Chỉ huy Quân sự xã"], a.Lead);
        Assert.Equal(["Công an xã", "Trạm Y tế xã"], a.Implementing);
        Assert.Equal(new DateOnly(2025, 8, 31), a.Timing.Date);
        Assert.Equal(TimingKind.Recurring, Plan.Task("1.b)").Timing.Kind);
        Assert.Equal(["Phòng Kinh tế xã"], Plan.Task("2").Lead);
        Assert.Null(a.ReviewReason);
    }

    [Fact]
    public void Implementation_clause_names_monitor_recipient_and_frequency()
    {
        var clause = Assert.Single(Plan.Implementation);
        Assert.Equal(["Ban Chỉ huy Quân sự xã"], clause.Bodies);
        Assert.Equal("Ủy ban nhân dân xã", clause.ReportsTo);
        Assert.Equal("hằng quý", clause.Frequency);
    }
}
