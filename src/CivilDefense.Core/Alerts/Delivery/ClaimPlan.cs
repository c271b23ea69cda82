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
    /// <summary>The shares for these channels and their gateways' batch sizes (messages per request).</summary>
    public static IReadOnlyList<ClaimShare> For(IReadOnlyDictionary<string, int> channels, DispatcherOptions options)
    {
        var names = channels.Keys.Order(StringComparer.Ordinal).ToList();
        var window = options.InFlightWindow;
        if (names.Count == 0 || window < names.Count + 1)
        {
            // Nothing to split, or too little window to give every claimer a place: one claimer, as before.
            return [new ClaimShare(ClaimFilter.All, window, options.Concurrency, Math.Max(1, Math.Min(options.ClaimBatchSize, window)))];
        }

        var others = Math.Clamp(window / (16 * (names.Count + 1)), 1, options.ClaimBatchSize);
        var places = (window - others) / names.Count;

        // The loops of a channel can hold two claim batches each at once: none waits on places a
        // sibling has taken half of, and a claim starts when a quarter of the part is free, not
        // half, so fewer places stand empty waiting for a batch's worth.
        var loops = Math.Min(options.Concurrency, places);
        var batch = Math.Max(1, Math.Min(options.ClaimBatchSize, places / (2 * loops)));
        var shares = names.ConvertAll(name => new ClaimShare(ClaimFilter.Channel(name), places, loops, WholeRequests(batch, channels[name])));
        shares.Add(new ClaimShare(ClaimFilter.AllBut(names), others, 1, others));
        return shares;
    }

    /// <summary>A claim of whole gateway requests where it holds one: a part left over would go as a request of its own.</summary>
    private static int WholeRequests(int claim, int perRequest) => perRequest > 1 && claim >= perRequest ? claim / perRequest * perRequest : claim;
}
