namespace CivilDefense.Core.Monitoring;

/// <summary>The hysteresis memory of one station (see <see cref="StationWarningState"/>).</summary>
public readonly record struct HysteresisState(int ArmedLevel, DateTime? BelowSince, DateTime? LastEvaluatedAt);

/// <summary>The new memory, and the level to draft a warning for (null: none).</summary>
public readonly record struct HysteresisDecision(HysteresisState State, int? RaiseLevel, int PreviousLevel);

/// <summary>
/// Decides when a computed level raises a draft warning. A draft is raised when the level goes above
/// the level last warned of (the armed level). The armed level comes down only after the computed
/// level has stayed below it for <c>release</c> (of observation time, so a backfill behaves like live
/// data): a water level hovering around a threshold raises one draft, not one per crossing. Pure.
/// </summary>
public static class WarningHysteresis
{
    /// <summary>How long a level must stay lower before a rise to it counts as new.</summary>
    public static readonly TimeSpan DefaultRelease = TimeSpan.FromHours(1);

    public static HysteresisDecision Decide(HysteresisState state, int? level, DateTime at, TimeSpan release)
    {
        // Late data is evaluated at the station's latest time; an older time changes nothing.
        if (state.LastEvaluatedAt is { } last && at < last)
        {
            return new(state, null, state.ArmedLevel);
        }

        if (level is not { } computed)
        {
            // Unknown is not lower: keep what was warned of.
            return new(state with { LastEvaluatedAt = at }, null, state.ArmedLevel);
        }

        if (computed > state.ArmedLevel)
        {
            return new(new(computed, null, at), computed, state.ArmedLevel);
        }

        if (computed == state.ArmedLevel)
        {
            return new(new(computed, null, at), null, state.ArmedLevel);
        }

        var since = state.BelowSince ?? at;
        return at - since >= release
            ? new(new(computed, null, at), null, state.ArmedLevel)
            : new(new(state.ArmedLevel, since, at), null, state.ArmedLevel);
    }
}
