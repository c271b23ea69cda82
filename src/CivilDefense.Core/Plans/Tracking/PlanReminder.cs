namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// A reminder (nhắc hạn) raised once for an assignment before one of its deadlines: the end of a
/// dated task, or the due date of a reporting slot. The row is the proof it was raised, so the
/// hourly sweep never raises the same reminder twice.
/// </summary>
public sealed class PlanReminder
{
    public int Id { get; set; }

    public int AssignmentId { get; set; }

    public PlanAssignment Assignment { get; set; } = null!;

    /// <summary>What the deadline belongs to: a period key ("2026-Q3") or "due:2026-06-30" for a dated task.</summary>
    public required string Slot { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTime RaisedAt { get; set; }
}
