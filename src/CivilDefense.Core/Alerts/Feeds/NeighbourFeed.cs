using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Alerts.Feeds;

/// <summary>
/// A neighbour's CAP source PTDS polls (nguồn cảnh báo của tỉnh bạn, of the national
/// hydro-meteorological service, of a neighbouring country): an Atom or RSS feed of alerts, or a
/// single CAP document. Set by the province's administrators and commanders.
/// </summary>
public sealed class NeighbourFeed : IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>The unit's tree path, copied by the write guard: the scope filter reads it (the unit itself is out of sight of the communes below).</summary>
    public string UnitPath { get; set; } = "";

    public required string Name { get; set; }

    /// <summary>http or https only.</summary>
    public required string Url { get; set; }

    public bool Enabled { get; set; } = true;

    public int IntervalMinutes { get; set; } = 5;

    public DateTime? LastPolledAt { get; set; }

    /// <summary>What the last poll found, in one line ("3 new, 1 duplicate, 1 with errors" or why it failed).</summary>
    public string? LastOutcome { get; set; }

    public bool LastPollFailed { get; set; }

    public int Version { get; set; }
}
