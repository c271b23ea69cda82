using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// A subscriber as staff enter it. A resident names a commune (<see cref="UnitId"/>); a duty
/// contact names its organisation and escalation order, and belongs to the organisation's unit.
/// </summary>
public sealed record SubscriberInput(
    [property: Required] SubscriberKind Kind,
    [property: Required, StringLength(Subscriber.MaxNameLength, MinimumLength = 1)] string Name,
    [property: RegularExpression(ContactFormats.Phone)] string? Phone,
    [property: EmailAddress, StringLength(250)] string? Email,
    [property: Required, RegularExpression(SubscriberLanguages.Pattern)] string Language = SubscriberLanguages.Vietnamese,
    [property: Range(-90, 90)] double? Latitude = null,
    [property: Range(-180, 180)] double? Longitude = null,
    int? UnitId = null,
    int? OrganizationId = null,
    [property: Range(1, SubscriberRules.MaxContactOrder)] int? ContactOrder = null,
    bool IsDutyOfficer = false,
    [property: StringLength(500)] string? WebhookUrl = null)
{
    /// <summary>Checks the input against the rules and the data in scope, then copies it onto the record.</summary>
    internal async Task<Error?> ApplyToAsync(PtdsDbContext db, Subscriber subscriber, CancellationToken ct)
    {
        if (InputValidation.Check(this) is { } invalid)
        {
            return invalid;
        }

        var phone = CreateOrganization.Blank(Phone);
        var email = CreateOrganization.Blank(Email)?.ToLowerInvariant();
        var webhook = CreateOrganization.Blank(WebhookUrl);
        if (SubscriberRules.ChannelAndLocation(phone, email, webhook, Latitude, Longitude) is { } ruleError)
        {
            return ruleError;
        }

        if (!SubscriberRules.IsWebhookUrl(webhook))
        {
            return ValidationError.ForField(nameof(WebhookUrl), "A webhook must be an absolute http or https address.");
        }

        int unitId;
        if (Kind == SubscriberKind.Resident)
        {
            if (OrganizationId is not null || ContactOrder is not null || IsDutyOfficer || webhook is not null)
            {
                return ValidationError.ForField(nameof(OrganizationId), "A resident has no organisation, contact order, duty-officer flag or webhook.");
            }

            if (UnitId is not { } commune)
            {
                return ValidationError.ForField(nameof(UnitId), "A resident needs a home commune.");
            }

            var level = await db.Units.Where(u => u.Id == commune).Select(u => (int?)u.Level).SingleOrDefaultAsync(ct);
            if (level is null)
            {
                return new NotFoundError("No such administrative unit.");
            }

            if (level != 3)
            {
                return ValidationError.ForField(nameof(UnitId), "A resident's home unit must be a commune or ward.");
            }

            unitId = commune;
        }
        else
        {
            if (OrganizationId is not { } organizationId || ContactOrder is null)
            {
                return ValidationError.ForField(nameof(OrganizationId), "A duty contact needs its organisation and contact order (1, 2 or 3).");
            }

            // Out of scope reads as missing, as it would on the organisation's own page.
            var organizationUnit = await db.Organizations.Where(o => o.Id == organizationId).Select(o => (int?)o.UnitId).SingleOrDefaultAsync(ct);
            if (organizationUnit is null)
            {
                return new NotFoundError("No such organisation.");
            }

            unitId = organizationUnit.Value;
        }

        subscriber.Kind = Kind;
        subscriber.Name = Name.Trim();
        subscriber.Phone = phone;
        subscriber.Email = email;
        subscriber.Language = Language;
        subscriber.Latitude = Latitude;
        subscriber.Longitude = Longitude;
        subscriber.UnitId = unitId;
        subscriber.OrganizationId = Kind == SubscriberKind.DutyContact ? OrganizationId : null;
        subscriber.ContactOrder = Kind == SubscriberKind.DutyContact ? ContactOrder : null;
        subscriber.IsDutyOfficer = Kind == SubscriberKind.DutyContact && IsDutyOfficer;
        subscriber.WebhookUrl = webhook;
        return null;
    }
}
