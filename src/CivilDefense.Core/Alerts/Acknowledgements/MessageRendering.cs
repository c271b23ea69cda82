using CivilDefense.Core.Alerts.Delivery.Channels;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>
/// The last step before a channel sends a message. Texts are stored once per alert, channel and
/// language, so whatever belongs to one recipient is a placeholder in the stored text, filled
/// here: <c>{ack}</c> becomes the recipient's signed acknowledgement link.
/// </summary>
public static class MessageRendering
{
    public const string AcknowledgePlaceholder = "{ack}";

    /// <param name="acknowledgeUrl">The link of (alert, recipient).</param>
    public static OutgoingMessage Render(OutgoingMessage message, Func<Guid, Guid, string> acknowledgeUrl)
    {
        if (!message.Body.Contains(AcknowledgePlaceholder, StringComparison.Ordinal))
        {
            return message;
        }

        return message with { Body = message.Body.Replace(AcknowledgePlaceholder, acknowledgeUrl(message.AlertId, message.RecipientId), StringComparison.Ordinal) };
    }
}
