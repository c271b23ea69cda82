namespace CivilDefense.Core.Monitoring;

/// <summary>
/// One value of one variable at one station and time (UTC). The key is (station, time, variable):
/// a value sent twice is stored once, and a different value for the same key is a correction that
/// replaces the stored one (stations re-send quality-controlled values; the newest word wins).
/// Written set-based by <see cref="IngestObservations"/>, not through the change tracker.
/// </summary>
public sealed class Observation
{
    public int StationId { get; set; }

    public Station Station { get; set; } = null!;

    public DateTime ObservedAt { get; set; }

    public StationVariable Variable { get; set; }

    public double Value { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>How it came: "api:token name", "csv:file name".</summary>
    public required string Source { get; set; }
}
