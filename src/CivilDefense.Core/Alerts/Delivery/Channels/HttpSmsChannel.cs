using System.Net.Http;
using System.Text;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>
/// A generic SMS gateway over HTTP: the URL, method, body template, auth header and the batch
/// endpoint come from configuration, so a new operator's gateway needs settings, not code. A batch
/// request succeeds or fails as a whole (gateways report per-message results in their own formats;
/// the status code is what they share).
/// </summary>
public sealed class HttpSmsChannel(HttpClient client, HttpSmsOptions options, IReadOnlyCollection<int> retryableStatusCodes) : IBatchingDeliveryChannel
{
    private static readonly Dictionary<string, string> NoValues = [];

    private readonly MessageTemplate _body = new(options.BodyTemplate);

    public int MaxBatchSize => options.BatchUrl is null ? 1 : options.MaxBatchSize;

    public Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct) =>
        HttpResults.SendAsync(client, Request(options.Url, _body.Render(message), message.IdempotencyKey), retryableStatusCodes, ct);

    public async Task<IReadOnlyList<SendResult>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 1 || options.BatchUrl is null)
        {
            var results = new SendResult[messages.Count];
            for (var i = 0; i < messages.Count; i++)
            {
                results[i] = await SendAsync(messages[i], ct);
            }

            return results;
        }

        var items = new StringBuilder(messages.Count * 160);
        for (var i = 0; i < messages.Count; i++)
        {
            _body.Render(items.Append(i == 0 ? "" : ","), messages[i]);
        }

        var wrapper = JsonTemplate.Render(options.BatchBodyTemplate, NoValues);
        var at = wrapper.IndexOf("{{items}}", StringComparison.Ordinal);
        var body = string.Concat(wrapper.AsSpan(0, at), items.ToString(), wrapper.AsSpan(at + "{{items}}".Length));
        var result = await HttpResults.SendAsync(client, Request(options.BatchUrl, body, idempotencyKey: null), retryableStatusCodes, ct);
        return Enumerable.Repeat(result, messages.Count).ToArray();
    }

    private HttpRequestMessage Request(string url, string body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(options.Method), url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (options.AuthHeader is not null)
        {
            request.Headers.TryAddWithoutValidation(options.AuthHeader, options.AuthValue);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.IdempotencyHeader, idempotencyKey);
        }

        return request;
    }
}
