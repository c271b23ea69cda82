using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// Self-registration of a resident on the public page (đăng ký nhận cảnh báo), without a login.
/// The subscriber starts <see cref="SubscriberStatus.Pending"/> and is no recipient until the code
/// sent to their phone or e-mail comes back (<see cref="ConfirmSubscription"/>). Registering again
/// while pending re-issues the code on the same record instead of piling up duplicates.
/// </summary>
public sealed class RegisterSubscriber(PtdsDbContext db, SubscriberKeys keys, IConfirmationSender sender)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(24);

    public sealed record Input(
        [property: Required, StringLength(Subscriber.MaxNameLength, MinimumLength = 1)] string Name,
        [property: RegularExpression(ContactFormats.Phone)] string? Phone,
        [property: EmailAddress, StringLength(250)] string? Email,
        [property: Required, RegularExpression(SubscriberLanguages.Pattern)] string Language,
        [property: Required, StringLength(16, MinimumLength = 1)] string CommuneCode,
        [property: Range(-90, 90)] double? Latitude,
        [property: Range(-180, 180)] double? Longitude);

    /// <summary>What the page may tell the registrant: which record to confirm, never the code.</summary>
    public sealed record Registered(int SubscriberId);

    public async Task<Result<Registered>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var phone = CreateOrganization.Blank(input.Phone);
        var email = CreateOrganization.Blank(input.Email)?.ToLowerInvariant();
        if (SubscriberRules.ChannelAndLocation(phone, email, null, input.Latitude, input.Longitude) is { } ruleError)
        {
            return ruleError;
        }

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var communes = await db.Units.IgnoreQueryFilters()
            .Where(u => u.Code == input.CommuneCode.Trim() && u.Level == 3)
            .ToListAsync(ct);
        var commune = communes.FirstOrDefault(u => u.IsValidOn(today));
        if (commune is null)
        {
            return ValidationError.ForField(nameof(Input.CommuneCode), "No current commune or ward has this code.");
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.Subscribers.IgnoreQueryFilters()
            .Where(s => s.Status == SubscriberStatus.Pending && s.UnitId == commune.Id
                && ((phone != null && s.Phone == phone) || (email != null && s.Email == email)))
            .OrderByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Kind = SubscriberKind.Resident,
                Name = input.Name.Trim(),
                Phone = phone,
                Email = email,
                Language = input.Language,
                Latitude = input.Latitude,
                Longitude = input.Longitude,
                UnitId = commune.Id,
                Status = SubscriberStatus.Pending,
                Origin = SubscriberOrigin.SelfRegistered,
                CreatedAt = now,
            };
            db.Subscribers.Add(subscriber);

            // The code is bound to the id, which the database hands out on insert.
            await db.SaveChangesAsync(ct);
        }

        var code = SubscriberKeys.NewCode();
        subscriber.ConfirmationHash = keys.HashCode(subscriber.Id, code);
        subscriber.ConfirmationExpiresAt = now + CodeLifetime;
        subscriber.ConfirmationAttempts = 0;
        await db.SaveChangesAsync(ct);

        await sender.SendAsync(new ConfirmationMessage(subscriber.Id, subscriber.Name, subscriber.Phone, subscriber.Email, subscriber.Language, code, keys.UnsubscribeToken(subscriber.Id)), ct);
        return new Registered(subscriber.Id);
    }
}
