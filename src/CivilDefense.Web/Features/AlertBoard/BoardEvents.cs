using System.Text.Json;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// The board as Server-Sent Events: the snapshot once at the start and again whenever it changes,
/// read every second (two grouped queries), with a comment line every 15 s so proxies keep the
/// connection. Ends when the client goes away (the request is aborted) or the host stops.
/// </summary>
public static class BoardEvents
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static async Task<IResult> StreamAsync(HttpContext http, DeliveryBoard board, int id, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var first = await board.HandleAsync(id, ct);
        if (!first.IsSuccess)
        {
            return first.Error!.ToProblem();
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var last = "";
        var quietSince = clock.GetUtcNow();
        var snapshot = first.Value!;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var json = JsonSerializer.Serialize(snapshot, AlertBoardFeature.Json);
                if (json != last)
                {
                    await http.Response.WriteAsync($"event: board\ndata: {json}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    last = json;
                    quietSince = clock.GetUtcNow();
                }
                else if (clock.GetUtcNow() - quietSince >= KeepAlive)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = clock.GetUtcNow();
                }

                await Task.Delay(Poll, clock, ct);
                var next = await board.HandleAsync(id, ct);
                if (!next.IsSuccess)
                {
                    break;
                }

                snapshot = next.Value!;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client left: nothing more to write.
        }

        return TypedResults.Empty;
    }
}
