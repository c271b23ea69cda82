using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

public sealed class TimingParserTests
{
    [Theory]
    [InlineData("Thường xuyên.", TimingKind.Recurring, null, null, null)]
    [InlineData("Hằng năm", TimingKind.Recurring, null, null, null)]
    [InlineData("Năm 2025", TimingKind.Year, null, 2025, 2025)]
    [InlineData("Trong năm 2025", TimingKind.Year, null, 2025, 2025)]
    [InlineData("2023 - 2025", TimingKind.Period, null, 2023, 2025)]
    [InlineData("Giai đoạn 2026-2030", TimingKind.Period, null, 2026, 2030)]
    [InlineData("Trước ngày 30/6/2024", TimingKind.Date, "2024-06-30", 2024, 2024)]
    [InlineData("Quý IV/2025", TimingKind.Date, "2025-12-31", 2025, 2025)]
    [InlineData("quý 1 năm 2026", TimingKind.Date, "2026-03-31", 2026, 2026)]
    [InlineData("Tháng 12/2025", TimingKind.Date, "2025-12-31", 2025, 2025)]
    [InlineData("Tháng 2/2024", TimingKind.Date, "2024-02-29", 2024, 2024)]
    [InlineData("Theo chỉ đạo của cấp trên", TimingKind.Unspecified, null, null, null)]
    public void Reads_timing(string text, TimingKind kind, string? date, int? from, int? to)
    {
        var timing = TimingParser.Parse(text);
        Assert.Equal(kind, timing.Kind);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), timing.Date);
        Assert.Equal(from, timing.FromYear);
        Assert.Equal(to, timing.ToYear);
        Assert.Equal(text.TrimEnd('.'), timing.Text);
    }

    [Fact]
    public void No_text_is_unspecified() => Assert.Same(ParsedTiming.None, TimingParser.Parse("  "));
}
