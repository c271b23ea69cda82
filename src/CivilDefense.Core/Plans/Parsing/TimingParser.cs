using System.Globalization;
using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Reads a timing line: "Thường xuyên"/"Hằng năm" recur; "Trước ngày 30/6/2024", "Quý IV/2025",
/// "Tháng 12/2025" are dates (the last day of the quarter or month; FromYear and ToYear carry its
/// year); "Năm 2025" is a year; "2023 - 2025" and "Giai đoạn 2026-2030" are periods. The text is
/// kept as written. What it cannot read stays <see cref="TimingKind.Unspecified"/> with its text.
/// </summary>
public static partial class TimingParser
{
    public static ParsedTiming Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedTiming.None;
        }

        var written = text.Trim().TrimEnd('.', ',', ';', ':').Trim();
        var f = BodyNames.Fold(written);
        if (Recurring().IsMatch(f))
        {
            return new ParsedTiming(TimingKind.Recurring, written);
        }

        var day = DayMonthYear().Match(f);
        if (day.Success && TryDate(Int(day, "y"), Int(day, "m"), Int(day, "d"), out var date))
        {
            return Dated(written, date);
        }

        var words = WordedDate().Match(f);
        if (words.Success && TryDate(Int(words, "y"), Int(words, "m"), Int(words, "d"), out date))
        {
            return Dated(written, date);
        }

        var quarter = Quarter().Match(f);
        if (quarter.Success)
        {
            var q = QuarterNumber(quarter.Groups["q"].Value);
            var y = Int(quarter, "y");
            if (q is >= 1 and <= 4 && TryDate(y, q * 3, DateTime.DaysInMonth(y, q * 3), out date))
            {
                return Dated(written, date);
            }
        }

        var month = Month().Match(f);
        if (month.Success)
        {
            var m = Int(month, "m");
            var y = Int(month, "y");
            if (m is >= 1 and <= 12 && TryDate(y, m, DateTime.DaysInMonth(y, m), out date))
            {
                return Dated(written, date);
            }
        }

        var period = Period().Match(f);
        if (period.Success && Int(period, "a") <= Int(period, "b"))
        {
            return new ParsedTiming(TimingKind.Period, written, FromYear: Int(period, "a"), ToYear: Int(period, "b"));
        }

        var year = Year().Match(f);
        if (year.Success)
        {
            var y = Int(year, "y");
            return new ParsedTiming(TimingKind.Year, written, FromYear: y, ToYear: y);
        }

        return new ParsedTiming(TimingKind.Unspecified, written);
    }

    private static ParsedTiming Dated(string written, DateOnly date) => new(TimingKind.Date, written, date, date.Year, date.Year);

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static int QuarterNumber(string q) => q switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => 0,
    };

    [GeneratedRegex(@"\b(thuong xuyen|hang nam|hang quy|hang thang|dinh ky|hang tuan|lien tuc)\b")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s*[/.-]\s*(?<m>\d{1,2})\s*[/.-]\s*(?<y>\d{4})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\bngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s+nam\s+(?<y>\d{4})\b")]
    private static partial Regex WordedDate();

    [GeneratedRegex(@"\bquy\s+(?<q>iv|iii|ii|i|[1-4])\s*(?:/|-|\s+nam\s+|\s+)\s*(?<y>\d{4})\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\bthang\s+(?<m>\d{1,2})\s*(?:/|-|\s+nam\s+)\s*(?<y>\d{4})\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"\b(?<a>(?:19|20|21)\d{2})\s*(?:-|–|—|den(?:\s+nam)?)\s*(?<b>(?:19|20|21)\d{2})\b")]
    private static partial Regex Period();

    [GeneratedRegex(@"\b(?<y>(?:19|20|21)\d{2})\b")]
    private static partial Regex Year();
}
