using System.Globalization;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>One reporting period (kỳ báo cáo): its key as stored on reports, its days, and when its report is due.</summary>
public sealed record ReportingSlot(string Key, DateOnly Start, DateOnly End, DateOnly Due);

/// <summary>
/// The reporting calendar of a plan: which period a day falls in, when its report is due, and the
/// periods before it. Pure, so the pages, the reminders and the tests agree on every date.
/// </summary>
public static class ReportingSlots
{
    /// <summary>
    /// Days after a period ends during which its report still counts as on time. Fifteen days
    /// matches how provincial plans usually ask for reports ("trước ngày 15 tháng đầu kỳ sau").
    /// </summary>
    public const int GraceDays = 15;

    /// <summary>How many days before a deadline a body is reminded and its task marked "due soon".</summary>
    public const int DueSoonDays = 14;

    /// <summary>The period that contains <paramref name="day"/>.</summary>
    public static ReportingSlot Containing(ReportingPeriod period, DateOnly day)
    {
        var (months, _) = Shape(period);
        var first = (day.Month - 1) / months * months + 1;
        return Make(period, new DateOnly(day.Year, first, 1));
    }

    /// <summary>The period before <paramref name="slot"/>.</summary>
    public static ReportingSlot Previous(ReportingPeriod period, ReportingSlot slot) =>
        Make(period, slot.Start.AddMonths(-Shape(period).Months));

    /// <summary>The latest period whose report is already due on <paramref name="day"/> (its due date has passed).</summary>
    public static ReportingSlot LastDue(ReportingPeriod period, DateOnly day)
    {
        var slot = Previous(period, Containing(period, day));
        while (slot.Due >= day)
        {
            slot = Previous(period, slot);
        }

        return slot;
    }

    /// <summary>The <paramref name="count"/> periods up to and including the one containing <paramref name="day"/>, newest first.</summary>
    public static IReadOnlyList<ReportingSlot> Recent(ReportingPeriod period, DateOnly day, int count)
    {
        var slots = new List<ReportingSlot>(count) { Containing(period, day) };
        while (slots.Count < count)
        {
            slots.Add(Previous(period, slots[^1]));
        }

        return slots;
    }

    /// <summary>Reads a key ("2026", "2026-H1", "2026-Q3", "2026-07") in the plan's period; null when it is not one.</summary>
    public static ReportingSlot? Parse(ReportingPeriod period, string? key)
    {
        if (key is null || key.Length < 4 || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900 || year > 2200)
        {
            return null;
        }

        var rest = key[4..];
        int? month = (period, rest) switch
        {
            (ReportingPeriod.Yearly, "") => 1,
            (ReportingPeriod.HalfYearly, "-H1") => 1,
            (ReportingPeriod.HalfYearly, "-H2") => 7,
            (ReportingPeriod.Quarterly, ['-', 'Q', >= '1' and <= '4']) => (rest[2] - '1') * 3 + 1,
            (ReportingPeriod.Monthly, ['-', _, _]) when int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12 => m,
            _ => null,
        };
        return month is null ? null : Make(period, new DateOnly(year, month.Value, 1));
    }

    /// <summary>
    /// The deadline of a task with a date in it: the day of a dated task, the last day of the final
    /// year of a year or period task. Recurring and unspecified tasks have only reporting slots.
    /// </summary>
    public static DateOnly? TaskDeadline(TimingKind kind, DateOnly? dueDate, int? toYear) => kind switch
    {
        TimingKind.Date => dueDate,
        TimingKind.Year or TimingKind.Period when dueDate is not null && toYear is null => dueDate,
        TimingKind.Year or TimingKind.Period when toYear is not null => new DateOnly(toYear.Value, 12, 31),
        _ => null,
    };

    private static ReportingSlot Make(ReportingPeriod period, DateOnly start)
    {
        var (months, format) = Shape(period);
        var end = start.AddMonths(months).AddDays(-1);
        var key = format(start);
        return new ReportingSlot(key, start, end, end.AddDays(GraceDays));
    }

    private static (int Months, Func<DateOnly, string> Format) Shape(ReportingPeriod period) => period switch
    {
        ReportingPeriod.Yearly => (12, d => d.Year.ToString(CultureInfo.InvariantCulture)),
        ReportingPeriod.HalfYearly => (6, d => $"{d.Year}-H{(d.Month - 1) / 6 + 1}"),
        ReportingPeriod.Quarterly => (3, d => $"{d.Year}-Q{(d.Month - 1) / 3 + 1}"),
        ReportingPeriod.Monthly => (1, d => $"{d.Year}-{d.Month:00}"),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown reporting period."),
    };
}
