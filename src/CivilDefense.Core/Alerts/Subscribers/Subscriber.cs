using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>Who a subscriber is: a resident (người dân) or an organisation's duty contact (đầu mối trực).</summary>
public enum SubscriberKind
{
    Resident,
    DutyContact,
}

/// <summary>
/// Where a subscription stands. Only <see cref="Active"/> subscribers are recipients: a
/// self-registered resident is <see cref="Pending"/> until the confirmation code comes back.
/// </summary>
public enum SubscriberStatus
{
    Pending,
    Active,
    /// <summary>The subscriber asked to stop (hủy đăng ký); only a new registration brings them back.</summary>
    Unsubscribed,
    /// <summary>Staff took the subscriber off the lists (moved away, duplicate, contact left the post).</summary>
    Deactivated,
}

/// <summary>How the record came in: the public page, a staff form, or a duty-contact import.</summary>
public enum SubscriberOrigin
{
    SelfRegistered,
    Staff,
    Import,
}

/// <summary>
/// A person who receives alerts (người nhận cảnh báo). Belongs to a commune (<see cref="UnitId"/>):
/// the resident's home commune, or the unit of the duty contact's organisation; that unit decides
/// who may see the personal data (phone, e-mail, location) and who may change the record.
/// </summary>
public sealed class Subscriber : IVersioned
{
    public const int MaxNameLength = 200;

    public int Id { get; set; }

    public SubscriberKind Kind { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>Preferred language of messages: vi, en or km (Khmer, for the border communes).</summary>
    public string Language { get; set; } = SubscriberLanguages.Vietnamese;

    /// <summary>Home location, WGS84; null when only the commune is known.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Escalation order of a duty contact within its organisation: 1 first, then 2, then 3.</summary>
    public int? ContactOrder { get; set; }

    /// <summary>The command board's duty officer (trực ban Ban Chỉ huy): told of every unacknowledged alert.</summary>
    public bool IsDutyOfficer { get; set; }

    /// <summary>An organisation's webhook for machine delivery (signed by the delivery outbox).</summary>
    public string? WebhookUrl { get; set; }

    public SubscriberStatus Status { get; set; }

    public SubscriberOrigin Origin { get; set; }

    /// <summary>HMAC of the outstanding confirmation code under the server's key; never the code itself.</summary>
    public string? ConfirmationHash { get; set; }

    public DateTime? ConfirmationExpiresAt { get; set; }

    /// <summary>Wrong codes tried against the outstanding one; at the limit the code is void.</summary>
    public int ConfirmationAttempts { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set on every write; with the row count it tells the targeting index that it is stale.</summary>
    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public bool IsRecipient => Status == SubscriberStatus.Active;
}

public static class SubscriberLanguages
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string Khmer = "km";

    public const string Pattern = "^(vi|en|km)$";

    public static readonly string[] All = [Vietnamese, English, Khmer];
}
