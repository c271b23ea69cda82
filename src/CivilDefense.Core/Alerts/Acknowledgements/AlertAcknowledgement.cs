namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>How an organisation acknowledged: a duty contact followed the link in the message, or its system called the API.</summary>
public enum AcknowledgementMethod
{
    Link,
    Api,
}

/// <summary>
/// An organisation's acknowledgement of an alert (xác nhận đã nhận cảnh báo): once per alert and
/// organisation, whichever of its duty contacts answered first; a second answer changes nothing.
/// </summary>
public sealed class AlertAcknowledgement
{
    public long Id { get; set; }

    /// <summary>The outbox's alert id (<see cref="DeliveryIdentities.AlertId"/>).</summary>
    public Guid AlertId { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>The duty contact who answered, or for the API the contact the organisation was first reached at.</summary>
    public int SubscriberId { get; set; }

    /// <summary>The outbox's recipient id of that contact: the delivery board counts its deliveries as acknowledged.</summary>
    public Guid RecipientId { get; set; }

    /// <summary>The organisation's unit, for the board's scope and the audit trail.</summary>
    public int UnitId { get; set; }

    public DateTime At { get; set; }

    public AcknowledgementMethod Method { get; set; }

    /// <summary>The contact's name (link) or the API token's name.</summary>
    public string By { get; set; } = "";
}

/// <summary>
/// One step of escalation (chuyển cấp) for an organisation that did not acknowledge in time:
/// the alert went to its next duty contact (if it has one) and to the command board's duty
/// officers. Step n is taken once (unique), so two escalation runs cannot send it twice.
/// </summary>
public sealed class AlertEscalation
{
    public long Id { get; set; }

    public Guid AlertId { get; set; }

    public int OrganizationId { get; set; }

    /// <summary>1 for the first escalation, 2 for the next, ...</summary>
    public int Step { get; set; }

    /// <summary>The next contact the alert went to; null when the organisation had no further contact.</summary>
    public int? NextContactId { get; set; }

    /// <summary>How many duty officers (trực ban) the alert went to at this step.</summary>
    public int DutyOfficers { get; set; }

    public DateTime At { get; set; }
}
