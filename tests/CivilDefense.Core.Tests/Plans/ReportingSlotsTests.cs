using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Parsing;
using CivilDefense.Core.Plans.Tracking;

namespace CivilDefense.Core.Tests.Plans;

public sealed class ReportingSlotsTests
{
    [Theory]
    [InlineData(ReportingPeriod.Yearly, "2026-08-15", "2026", "2026-01-01", "2026-12-31", "2027-01-15")]
    [InlineData(ReportingPeriod.HalfYearly, "2026-08-15", "2026-H2", "2026-07-01", "2026-12-31", "2027-01-15")]
    [InlineData(ReportingPeriod.Quarterly, "2026-08-15", "2026-Q3", "2026-07-01", "2026-09-30", "2026-10-15")]
    [InlineData(ReportingPeriod.Monthly, "2026-02-10", "2026-02", "2026-02-01", "2026-02-28", "2026-03-15")]
    public void The_period_of_a_day_has_its_key_days_and_due_date(ReportingPeriod period, string day, string key, string start, string end, string due)
    {
        var slot = ReportingSlots.Containing(period, DateOnly.Parse(day));

        Assert.Equal(new ReportingSlot(key, DateOnly.Parse(start), DateOnly.Parse(end), DateOnly.Parse(due)), slot);
        Assert.Equal(slot, ReportingSlots.Parse(period, key));
    }

    [Theory]
    [InlineData(ReportingPeriod.Yearly, "2026-Q1")]
    [InlineData(ReportingPeriod.Quarterly, "2026-Q5")]
    [InlineData(ReportingPeriod.Monthly, "2026-13")]
    [InlineData(ReportingPeriod.HalfYearly, "2026-H3")]
    [InlineData(ReportingPeriod.Yearly, "../x")]
    [InlineData(ReportingPeriod.Yearly, null)]
    public void Keys_of_another_shape_are_not_periods(ReportingPeriod period, string? key) =>
        Assert.Null(ReportingSlots.Parse(period, key));

    [Fact]
    public void The_last_due_period_is_the_newest_whose_grace_has_passed()
    {
        Assert.Equal("2024", ReportingSlots.LastDue(ReportingPeriod.Yearly, new DateOnly(2026, 1, 10)).Key);
        Assert.Equal("2025", ReportingSlots.LastDue(ReportingPeriod.Yearly, new DateOnly(2026, 1, 16)).Key);
        Assert.Equal("2025-Q4", ReportingSlots.LastDue(ReportingPeriod.Quarterly, new DateOnly(2026, 2, 1)).Key);
        Assert.Equal(["2026-Q1", "2025-Q4", "2025-Q3"], ReportingSlots.Recent(ReportingPeriod.Quarterly, new DateOnly(2026, 2, 1), 3).Select(s => s.Key));
    }

    [Fact]
    public void Dated_tasks_are_due_on_their_day_and_year_or_period_tasks_at_the_end_of_their_last_year()
    {
        Assert.Equal(new DateOnly(2026, 6, 30), ReportingSlots.TaskDeadline(TimingKind.Date, new DateOnly(2026, 6, 30), null));
        Assert.Equal(new DateOnly(2027, 12, 31), ReportingSlots.TaskDeadline(TimingKind.Period, null, 2027));
        Assert.Equal(new DateOnly(2025, 12, 31), ReportingSlots.TaskDeadline(TimingKind.Year, null, 2025));
        Assert.Null(ReportingSlots.TaskDeadline(TimingKind.Recurring, null, null));
    }

    [Fact]
    public void Flags_follow_the_calendar()
    {
        TrackingFacts Dated(AssignmentStatus status, string? latest) =>
            new(ReportingPeriod.Yearly, new DateOnly(2025, 1, 1), TimingKind.Date, new DateOnly(2026, 6, 30), null, status, latest);

        var before = TrackingFlags.Evaluate(Dated(AssignmentStatus.InProgress, "2025"), new DateOnly(2026, 6, 20));
        Assert.True(before.DueSoon);
        Assert.False(before.Overdue);
        Assert.False(before.Silent);
        Assert.Equal("due:2026-06-30", before.ReminderSlot);

        var after = TrackingFlags.Evaluate(Dated(AssignmentStatus.InProgress, "2025"), new DateOnly(2026, 7, 1));
        Assert.True(after.Overdue);
        Assert.False(TrackingFlags.Evaluate(Dated(AssignmentStatus.Completed, "2025"), new DateOnly(2026, 7, 1)).Overdue);

        var silent = TrackingFlags.Evaluate(Dated(AssignmentStatus.NotStarted, null), new DateOnly(2026, 3, 1));
        Assert.True(silent.Silent);
        Assert.False(silent.DueSoon);

        // A period ending before the plan was issued asks nothing.
        var young = new TrackingFacts(ReportingPeriod.Yearly, new DateOnly(2026, 2, 1), TimingKind.Recurring, null, null, AssignmentStatus.NotStarted, null);
        Assert.False(TrackingFlags.Evaluate(young, new DateOnly(2026, 3, 1)).Silent);

        // Early January: last year's report is due on the 15th and becomes the reminder.
        var january = TrackingFlags.Evaluate(young with { PlanStart = null }, new DateOnly(2026, 1, 5));
        Assert.True(january.DueSoon);
        Assert.Equal("2025", january.ReminderSlot);
        Assert.Equal(new DateOnly(2026, 1, 15), january.NextDeadline);
    }
}
