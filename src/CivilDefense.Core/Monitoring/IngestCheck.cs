namespace CivilDefense.Core.Monitoring;

/// <summary>
/// The checks of a batch that need its stations: the station of each item must be one the caller
/// can see, and the value possible there (<see cref="ObservationRules"/>). Items that fail are
/// rejected in the batch with the reason; the rest are kept, the same key twice keeping the later.
/// Pure: the stations come resolved by code.
/// </summary>
public static class IngestCheck
{
    private static readonly int Variables = Enum.GetValues<StationVariable>().Length;

    /// <summary>The positions of the items to store, in batch order.</summary>
    /// <param name="byCode">The station of each of the batch's codes, null where the caller knows none.</param>
    public static List<int> Check(ObservationColumns batch, IReadOnlyList<Station?> byCode, DateTime now)
    {
        var variables = byCode.Select(s => s?.VariableList()).ToArray();
        var kept = new List<int>(batch.Count);
        // The latest time per station and variable: while each series only moves forward no key
        // can repeat, and a gateway's batch always does; only a batch that steps back is searched.
        var latest = new long[byCode.Count * Variables];
        var steppedBack = false;
        for (var i = 0; i < batch.Count; i++)
        {
            var code = batch.CodeOf(i);
            if (code >= 0 && byCode[code] is null)
            {
                batch.Reject(i, "station", $"unknown station {batch.Codes[code]}");
                continue;
            }

            if (batch.IsRejected(i))
            {
                continue;
            }

            var station = byCode[code]!;
            var variable = batch.Variable(i);
            if (ObservationRules.Check(station, variables[code]!, variable, batch.Value(i), batch.At(i), now) is { } reason)
            {
                batch.Reject(i, reason.StartsWith("time", StringComparison.Ordinal) ? "time" : reason.StartsWith("station", StringComparison.Ordinal) ? "variable" : "value", reason);
                continue;
            }

            var series = code * Variables + (int)variable;
            var ticks = batch.At(i).Ticks + 1;
            steppedBack |= ticks <= latest[series];
            latest[series] = Math.Max(latest[series], ticks);
            kept.Add(i);
        }

        return steppedBack ? LaterOfEachKey(batch, kept) : kept;
    }

    /// <summary>The same key twice in one batch: the later item wins, the earlier counts as a duplicate.</summary>
    private static List<int> LaterOfEachKey(ObservationColumns batch, List<int> kept)
    {
        var last = new Dictionary<(int, DateTime, StationVariable), int>(kept.Count);
        foreach (var i in kept)
        {
            last[(batch.CodeOf(i), batch.At(i), batch.Variable(i))] = i;
        }

        return kept.Where(i => last[(batch.CodeOf(i), batch.At(i), batch.Variable(i))] == i).ToList();
    }
}
