using System.Buffers;
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

        // No string or array of the whole body (150-300 KB for 500 messages, four of them per
        // request): each went to the large-object heap and drove full collections in the
        // dispatcher. The items grow in small chunks and are encoded into a pooled buffer.
        var items = new StringBuilder();
        for (var i = 0; i < messages.Count; i++)
        {
            _body.Render(items.Append(i == 0 ? "" : ","), messages[i]);
        }

        var wrapper = JsonTemplate.Render(options.BatchBodyTemplate, NoValues);
        var at = wrapper.IndexOf("{{items}}", StringComparison.Ordinal);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(wrapper.Length + items.Length));
        var length = Encoding.UTF8.GetBytes(wrapper.AsSpan(0, at), buffer);
        foreach (var chunk in items.GetChunks())
        {
            length += Encoding.UTF8.GetBytes(chunk.Span, buffer.AsSpan(length));
        }

        length += Encoding.UTF8.GetBytes(wrapper.AsSpan(at + "{{items}}".Length), buffer.AsSpan(length));
        var content = new ByteArrayContent(buffer, 0, length);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var result = await HttpResults.SendAsync(client, Request(options.BatchUrl, content, idempotencyKey: null), retryableStatusCodes, ct);

        // Back to the pool only once the gateway accepted the request, i.e. read all of it; after a
        // timeout or an error the handler might still hold it, so it is left to the collector.
        if (result.Status == SendStatus.Sent)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Enumerable.Repeat(result, messages.Count).ToArray();
    }

    private HttpRequestMessage Request(string url, string body, string? idempotencyKey) =>
        Request(url, new StringContent(body, Encoding.UTF8, "application/json"), idempotencyKey);

    private HttpRequestMessage Request(string url, HttpContent content, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(options.Method), url) { Content = content };
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
