using CivilDefense.Core.Alerts.Delivery;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// Which configured channel carries each kind of address: phones go to the SMS gateway, e-mail
/// addresses to the SMTP channel, an organisation's URL to the webhook channel. Where several
/// channels of one kind are configured, the first by name is used (the others may serve other
/// senders); a kind with none configured is skipped and counted.
/// </summary>
public sealed record DisseminationChannels(string? Sms, string? Email, string? Webhook)
{
    public static DisseminationChannels From(DeliveryOptions options)
    {
        string? First(ChannelKind kind) => options.Channels.Where(c => c.Value.Kind == kind).Select(c => c.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        return new DisseminationChannels(First(ChannelKind.HttpSms), First(ChannelKind.Email), First(ChannelKind.Webhook));
    }
}
