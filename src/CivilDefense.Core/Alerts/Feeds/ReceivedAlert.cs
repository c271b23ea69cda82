using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Feeds;

/// <summary>
/// A CAP alert received from a neighbour feed, kept as it arrived with what the validator found.
/// Unique per province by (sender, identifier, sent): the same message seen again — in the next
/// poll or twice in one feed — is a duplicate and is not stored again.
/// </summary>
public sealed class ReceivedAlert
{
    public int Id { get; set; }

    public int FeedId { get; set; }

    public NeighbourFeed Feed { get; set; } = null!;

    /// <summary>The feed's province, copied: the scope and the uniqueness of the dedupe key.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit's tree path, copied by the write guard: the scope filter reads it (the unit itself is out of sight of the communes below).</summary>
    public string UnitPath { get; set; } = "";

    public required string Sender { get; set; }

    public required string Identifier { get; set; }

    /// <summary>The sent time as the publisher wrote it (part of a reference to it).</summary>
    public required string SentText { get; set; }

    /// <summary>The dedupe form of sent: the UTC instant (yyyy-MM-ddTHH:mm:ssZ) when it parses, else the text.</summary>
    public required string SentKey { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? Status { get; set; }

    public string? MessageType { get; set; }

    public string? Event { get; set; }

    /// <summary>The PTDS hazard when the publisher used the VN_LOAI_THIEN_TAI event code.</summary>
    public PtdsHazard? Hazard { get; set; }

    /// <summary>The risk level when the publisher gave the VN_CAP_DO_RUI_RO_THIEN_TAI parameter (1-5).</summary>
    public int? RiskLevel { get; set; }

    public string? Severity { get; set; }

    public string? Headline { get; set; }

    /// <summary>Areas for the map (polygons, circles, VN_MA_DVHC geocodes) as <see cref="Issuing.AlertAreaSet"/> JSON.</summary>
    public string AreasJson { get; set; } = "{}";

    /// <summary>The texts by language as <see cref="Issuing.AlertTexts"/> JSON, for a relay.</summary>
    public string TextsJson { get; set; } = "{}";

    public required string CapXml { get; set; }

    /// <summary>The validator's findings as JSON (severity, path, rule, message).</summary>
    public string FindingsJson { get; set; } = "[]";

    public int ErrorCount { get; set; }

    public int WarningCount { get; set; }

    public string? Signature { get; set; }

    /// <summary>Where the alert itself was read from (the feed, or the entry's link).</summary>
    public required string SourceUrl { get; set; }

    public DateTime ReceivedAt { get; set; }
}
