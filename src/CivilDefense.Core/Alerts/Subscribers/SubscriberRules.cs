using CivilDefense.Core.Common;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>Rules every way in (public page, staff form, API, import) applies the same.</summary>
public static class SubscriberRules
{
    public const int MaxContactOrder = 3;

    /// <summary>A subscriber must be reachable, and a location is both coordinates or none.</summary>
    public static ValidationError? ChannelAndLocation(string? phone, string? email, string? webhookUrl, double? latitude, double? longitude)
    {
        if (phone is null && email is null && webhookUrl is null)
        {
            return ValidationError.ForField("phone", "Give a phone number or an e-mail address (or, for an organisation, a webhook).");
        }

        if ((latitude is null) != (longitude is null))
        {
            return ValidationError.ForField(latitude is null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
        }

        return null;
    }

    /// <summary>Webhooks are called by the server: only absolute http(s) addresses.</summary>
    public static bool IsWebhookUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
}
