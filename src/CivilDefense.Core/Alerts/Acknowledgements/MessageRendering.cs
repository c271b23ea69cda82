using CivilDefense.Core.Alerts.Delivery.Channels;
using CivilDefense.Core.Alerts.Dissemination;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>
/// The last step before a channel sends a message. Texts are stored once per alert, channel and
/// language, and residents and duty contacts share them, so whatever belongs to one recipient is a
/// placeholder in the stored text, filled here: <c>{ack}</c> becomes a duty contact's signed
/// acknowledgement link with a label in the message's language, and disappears for everyone else
/// (residents have nothing to acknowledge, and a link that says "not valid" would only confuse).
/// </summary>
public static class MessageRendering
{
    public const string AcknowledgePlaceholder = "{ack}";

    /// <param name="acknowledgeUrl">The link of (alert, recipient), or null when there is none.</param>
    public static OutgoingMessage Render(OutgoingMessage message, Func<Guid, Guid, string?> acknowledgeUrl)
    {
        if (!message.Body.Contains(AcknowledgePlaceholder, StringComparison.Ordinal))
        {
            return message;
        }

        var url = DeliveryIdentities.Acknowledges(message.RecipientId) ? acknowledgeUrl(message.AlertId, message.RecipientId) : null;
        var line = url is null ? "" : AcknowledgeLine(message.Language, url, shortForm: message.Subject is null);
        return message with { Body = message.Body.Replace(AcknowledgePlaceholder, line, StringComparison.Ordinal) };
    }

    /// <summary>
    /// A paragraph of its own in an e-mail; a few words at the end of an SMS (a message without a
    /// subject). The SMS text was cut to its length before the link, so a duty contact's SMS may
    /// run one part longer than a resident's: better than cutting the warning itself.
    /// </summary>
    public static string AcknowledgeLine(string language, string url, bool shortForm)
    {
        var vi = DisseminationLanguages.HasVietnameseLabels(language);
        return shortForm
            ? (vi ? " Xác nhận đã nhận: " : " Acknowledge: ") + url
            : "\n\n" + (vi ? "Đơn vị xác nhận đã nhận cảnh báo tại: " : "Acknowledge receipt for your organisation at: ") + url;
    }
}
