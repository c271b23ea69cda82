using System.Globalization;
using System.Net.Http;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>How an HTTP answer or failure becomes a send result, alike for SMS gateways and webhooks.</summary>
internal static class HttpResults
{
    public static SendResult FromStatus(int status, IReadOnlyCollection<int> retryable) =>
        status is >= 200 and < 300 ? SendResult.Sent
        : retryable.Contains(status) ? SendResult.Transient(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"))
        : SendResult.Rejected(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"));

    /// <summary>Network failures and timeouts are transient; the caller's own cancellation is rethrown.</summary>
    public static async Task<SendResult> SendAsync(HttpClient client, HttpRequestMessage request, IReadOnlyCollection<int> retryable, CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return FromStatus((int)response.StatusCode, retryable);
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient(Trim(e.Message));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Transient("timeout");
        }
    }

    public static string Trim(string error) => error.Length <= 500 ? error : error[..500];
}
