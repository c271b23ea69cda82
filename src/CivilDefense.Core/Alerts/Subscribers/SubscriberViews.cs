using CivilDefense.Core.Access;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// A subscriber as staff see it. Personal data (phone, e-mail, location) is blanked or masked when
/// <see cref="PersonalDataMasked"/> is set; the webhook is an organisation's address, not personal.
/// </summary>
public sealed record SubscriberView(
    int Id,
    SubscriberKind Kind,
    string Name,
    string? Phone,
    string? Email,
    string Language,
    double? Latitude,
    double? Longitude,
    int UnitId,
    string UnitCode,
    string UnitName,
    int? OrganizationId,
    string? OrganizationName,
    int? ContactOrder,
    bool IsDutyOfficer,
    string? WebhookUrl,
    SubscriberStatus Status,
    SubscriberOrigin Origin,
    DateTime? ConfirmedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version,
    bool PersonalDataMasked);

/// <summary>
/// Who sees a subscriber's personal data. Scope comes first: a subscriber outside the actor's
/// subtree is not visible at all (query filter). Inside it, the roles that act on alerts see
/// phone, e-mail and location; a viewer sees them masked; a liaison sees those of its own
/// organisation's duty contacts only.
/// </summary>
public static class SubscriberPrivacy
{
    public static bool MaySeePersonalData(Actor actor, int? organizationId) => actor.IsUnrestricted || actor.Role switch
    {
        Role.Administrator or Role.Commander or Role.Officer => true,
        Role.AgencyLiaison => organizationId is not null && organizationId == actor.OrganizationId,
        _ => false,
    };

    public static SubscriberView Apply(Actor actor, SubscriberView view) =>
        MaySeePersonalData(actor, view.OrganizationId)
            ? view
            : view with { Phone = MaskPhone(view.Phone), Email = MaskEmail(view.Email), Latitude = null, Longitude = null, PersonalDataMasked = true };

    /// <summary>"0912 345 678" → "•••••••678": enough to tell two entries apart, not to call.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length <= 3 ? "•••" : new string('•', digits.Length - 3) + digits[^3..];
    }

    /// <summary>"lan.nguyen@example.vn" → "l•••@example.vn".</summary>
    public static string? MaskEmail(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var at = email.IndexOf('@');
        return at <= 0 ? "•••" : email[0] + "•••" + email[at..];
    }
}
