namespace CivilDefense.Core.Monitoring;

/// <summary>
/// One value of one variable at one station and time (UTC). The key is (station, time, variable):
/// a value sent twice is stored once, and a different value for the same key is a correction that
/// replaces the stored one (stations re-send quality-controlled values; the newest word wins).
/// Written set-based by <see cref="IngestObservations"/>, not through the change tracker.
/// </summary>
public sealed class Observation
{
    /// <summary>
    /// The station, without a foreign key in the database (migration 0013): the check of every row
    /// against the stations cost more than half of a backfill's write, and the ingest already
    /// resolves each item's station code to a station in the caller's scope before writing it.
    /// Stations are never deleted (they are deactivated), so no row can lose its station.
    /// </summary>
    public int StationId { get; set; }

    public DateTime ObservedAt { get; set; }

    public StationVariable Variable { get; set; }

    public double Value { get; set; }

    public DateTime ReceivedAt { get; set; }

    /// <summary>How it came: "api:token name", "csv:file name".</summary>
    public required string Source { get; set; }
}
