using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// Puts a confirmation code (mã xác nhận) into the delivery outbox: one SMS when the subscriber gave
/// a phone and an SMS gateway is configured, otherwise one e-mail. The code is in the message text
/// only (the outbox must be able to send it again after a crash); the audit entry QueueDeliveries
/// writes holds counts and channels, and nothing here logs the text.
/// Run as the system: the registrant is anonymous, and sending the code is the platform's act.
/// </summary>
public sealed class QueueConfirmation(PtdsDbContext db, QueueDeliveries queue, DeliveryOptions delivery)
{
    /// <summary>The channel used, or null when no configured channel can reach the subscriber.</summary>
    public async Task<Result<string?>> HandleAsync(ConfirmationMessage message, Uri? publicBase, CancellationToken ct)
    {
        var channels = DisseminationChannels.From(delivery);
        var (channel, address) = (message.Phone, message.Email) switch
        {
            ({ Length: > 0 } phone, _) when channels.Sms is not null => (channels.Sms, phone),
            (_, { Length: > 0 } email) when channels.Email is not null => (channels.Email, email),
            _ => ((string?)null, (string?)null),
        };
        if (channel is null || address is null)
        {
            return (string?)null;
        }

        var unitId = await db.Subscribers.IgnoreQueryFilters().Where(s => s.Id == message.SubscriberId).Select(s => s.UnitId).SingleAsync(ct);
        var language = DisseminationLanguages.TagOf(message.Language);
        var (subject, body) = Text(message, language, publicBase);

        // A fresh outbox id per code: a code sent again is a new message, not a repeat of the old one.
        var queued = await queue.HandleAsync(new QueueDeliveriesCommand(
            Guid.CreateVersion7(),
            unitId,
            [new AlertMessage(channel, language, channel == channels.Email ? subject : null, body)],
            [new DeliveryRequest(DeliveryIdentities.RecipientId(message.SubscriberId), channel, address, language, unitId)]), ct);
        return queued.IsSuccess ? channel : queued.Error!;
    }

    /// <summary>The code, how long it holds, and the way out (unsubscribe) in the subscriber's language.</summary>
    public static (string Subject, string Body) Text(ConfirmationMessage m, string language, Uri? publicBase)
    {
        var unsubscribe = publicBase is null ? null : new Uri(publicBase, "subscribe/unsubscribe?token=" + Uri.EscapeDataString(m.UnsubscribeToken)).ToString();
        var hours = (int)RegisterSubscriber.CodeLifetime.TotalHours;
        return language.StartsWith("vi", StringComparison.Ordinal)
            ? ("Mã xác nhận đăng ký nhận cảnh báo PTDS",
                $"PTDS: mã xác nhận đăng ký nhận cảnh báo thiên tai của bạn là {m.Code} (hiệu lực {hours} giờ)." + (unsubscribe is null ? "" : $" Hủy đăng ký: {unsubscribe}"))
            : ("PTDS alert subscription code",
                $"PTDS: your disaster alert subscription code is {m.Code} (valid {hours} hours)." + (unsubscribe is null ? "" : $" Unsubscribe: {unsubscribe}"));
    }
}
