namespace CivilDefense.Core.Geography;

/// <summary>
/// A pre-reform unit carried into a post-reform one (the 1/7/2025 reorganisation). An old
/// commune split between several new ones has one partial succession per successor.
/// </summary>
public sealed class UnitSuccession
{
    public int Id { get; set; }

    public int PredecessorId { get; set; }

    public AdministrativeUnit Predecessor { get; set; } = null!;

    public int SuccessorId { get; set; }

    public AdministrativeUnit Successor { get; set; } = null!;

    public bool IsPartial { get; set; }

    public DateOnly EffectiveOn { get; set; }

    /// <summary>Why the mapping differs from the upstream source, when it was corrected.</summary>
    public string? Note { get; set; }
}
