using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>
/// Signed webhooks to organisations and neighbouring provinces: the alert as JSON, POSTed to the
/// recipient's URL with a timestamp, an HMAC signature (<see cref="WebhookSignature"/>) and the idempotency key.
/// </summary>
public sealed class WebhookChannel(HttpClient client, WebhookOptions options, IReadOnlyCollection<int> retryableStatusCodes, TimeProvider clock) : IDeliveryChannel
{
    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!Uri.TryCreate(message.Address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return SendResult.Rejected("The address is not an http(s) URL.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(
            message.AlertId, message.RecipientId, message.IdempotencyKey, message.Language, message.Subject, message.Body), JsonSerializerOptions.Web);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(options.Secret, timestamp, body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdempotencyHeader, message.IdempotencyKey);
        return await HttpResults.SendAsync(client, request, retryableStatusCodes, ct);
    }

    /// <summary>The document receivers get; camel-case names are the contract.</summary>
    public sealed record WebhookPayload(Guid AlertId, Guid RecipientId, string IdempotencyKey, string Language, string? Subject, string Body);
}
