namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>One claimer of a dispatcher: what it claims, its places in the in-flight window, its claim loops and their batch.</summary>
public sealed record ClaimShare(ClaimFilter Filter, int Places, int Loops, int ClaimBatch);

/// <summary>
/// How a dispatcher splits its in-flight window between channels. Claimed together, the rows of a
/// slow gateway (waiting for its token bucket) held places in the one window that a fast gateway's
/// rows needed, and the fast one ran dry (84-90 % of its limit in the benchmark). So each
/// configured channel gets its own claims and its own equal part of the window; one more claimer
/// takes the rows of channels no one configured (to be failed as such, or they would stay queued
/// forever) with a small part, as they are done as soon as recorded. The parts never add up to
/// more than the window: that bounds the duplicates after a crash.
/// </summary>
public static class ClaimPlan
{
    public static IReadOnlyList<ClaimShare> For(IEnumerable<string> channels, DispatcherOptions options)
    {
        var names = channels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var window = options.InFlightWindow;
        if (names.Count == 0 || window < names.Count + 1)
        {
            // Nothing to split, or too little window to give every claimer a place: one claimer, as before.
            return [new ClaimShare(ClaimFilter.All, window, options.Concurrency, Math.Max(1, Math.Min(options.ClaimBatchSize, window)))];
        }

        var others = Math.Clamp(window / (4 * (names.Count + 1)), 1, options.ClaimBatchSize);
        var places = (window - others) / names.Count;

        // Every loop of a channel can hold a whole claim batch at once, so none waits on places a
        // sibling has taken half of.
        var loops = Math.Min(options.Concurrency, places);
        var batch = Math.Min(options.ClaimBatchSize, places / loops);
        var shares = names.ConvertAll(name => new ClaimShare(ClaimFilter.Channel(name), places, loops, batch));
        shares.Add(new ClaimShare(ClaimFilter.AllBut(names), others, 1, others));
        return shares;
    }
}
