using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>Where a PTDS message is in its life: written, published, or withdrawn by a Cancel.</summary>
public enum AlertState
{
    /// <summary>Bản nháp: written, not published; may still change.</summary>
    Draft,
    /// <summary>Đã phát: published; its CAP XML never changes again.</summary>
    Issued,
    /// <summary>Đã hủy: a Cancel message withdrew it (it stays published beside the Cancel).</summary>
    Cancelled,
}

/// <summary>
/// One CAP message PTDS issues (cảnh báo, bản tin): an Alert, or the Update or Cancel of one.
/// Each message has its own identifier; an Update or Cancel points at the message it replaces
/// and at the first message of its chain, from which the CAP references are made. Owned by a
/// province-level unit, whose commanders and officers issue it; units below only read it.
/// </summary>
public sealed class IssuedAlert : IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>The unit's tree path, copied by the write guard: the scope filter reads it (the unit itself is out of sight of the communes below).</summary>
    public string UnitPath { get; set; } = "";

    /// <summary>Null while a draft: the identifier is made from the sent time at issue.</summary>
    public string? Identifier { get; set; }

    public required string Sender { get; set; }

    /// <summary>When it was sent (issued), UTC; <see cref="SentText"/> keeps the offset it was sent with.</summary>
    public DateTime? SentUtc { get; set; }

    /// <summary>The CAP time as published (e.g. 2026-10-14T07:30:00+07:00), part of every reference to it.</summary>
    public string? SentText { get; set; }

    public CapStatus Status { get; set; } = CapStatus.Actual;

    public CapMessageType MessageType { get; set; } = CapMessageType.Alert;

    public CapScope Scope { get; set; } = CapScope.Public;

    /// <summary>Loại thiên tai; null only on a relayed draft whose source named no PTDS hazard.</summary>
    public PtdsHazard? Hazard { get; set; }

    /// <summary>Cấp độ rủi ro thiên tai 1-5 (0 until chosen on a relayed draft).</summary>
    public int RiskLevel { get; set; }

    public CapUrgency Urgency { get; set; } = CapUrgency.Expected;

    public CapCertainty Certainty { get; set; } = CapCertainty.Likely;

    public DateTime? ExpiresUtc { get; set; }

    /// <summary>The areas as JSON (<see cref="AlertAreaSet"/>): communes by id and code, polygons, circles.</summary>
    public string AreasJson { get; set; } = "{}";

    /// <summary>The texts by language as JSON (<see cref="AlertTexts"/>): vi-VN, en-US, optional km-KH.</summary>
    public string TextsJson { get; set; } = "{}";

    public string? Note { get; set; }

    /// <summary>The message this one updates or cancels.</summary>
    public int? ReplacesId { get; set; }

    /// <summary>The first message of the chain (null on the first itself).</summary>
    public int? ChainId { get; set; }

    /// <summary>The CAP references as published (space-separated sender,identifier,sent).</summary>
    public string? References { get; set; }

    /// <summary>The received alert this draft relays, when it came from a neighbour.</summary>
    public int? RelayedFromId { get; set; }

    /// <summary>The CAP XML exactly as published; null while a draft.</summary>
    public string? CapXml { get; set; }

    public AlertState State { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? IssuedBy { get; set; }

    /// <summary>
    /// When the deliveries of this message were queued; null while published but not queued (a
    /// failure between the two is resumed by <c>ResumeDissemination</c>).
    /// </summary>
    public DateTime? DeliveriesQueuedAt { get; set; }

    public int Version { get; set; }

    public AlertAreaSet Areas => AlertJson.Areas(AreasJson);

    public AlertTexts Texts => AlertJson.Texts(TextsJson);
}
