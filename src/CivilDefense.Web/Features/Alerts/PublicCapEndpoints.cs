using System.Security.Cryptography;
using System.Text;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// What PTDS publishes to everyone, without login: each issued message at its stable URL
/// /cap/alerts/{identifier}.xml (application/cap+xml, the bytes exactly as issued) and the Atom
/// index /cap/feed.atom, newest first. Both answer conditional GETs (ETag, Last-Modified → 304) so
/// pollers cost little. Cancelled alerts stay published, beside their Cancel message.
/// </summary>
public static class PublicCapEndpoints
{
    /// <summary>Entries in the feed: the newest messages; older ones stay at their URLs.</summary>
    public const int FeedSize = 200;

    public static void MapPublicCap(this IEndpointRouteBuilder app)
    {
        var cap = app.MapGroup("/cap").AllowAnonymous().WithTags("CAP");
        cap.MapGet("/alerts/{identifier}.xml", AlertAsync);
        cap.MapGet("/feed.atom", FeedAsync);
    }

    public static Uri BaseUrl(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<AlertsOptions>().PublicBaseUrl;
        return configured ?? new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    private static async Task<IResult> AlertAsync(PtdsDbContext db, HttpContext context, string identifier, CancellationToken ct)
    {
        var alert = await Published(db).Where(a => a.Identifier == identifier).Select(a => new { a.CapXml, a.SentUtc }).SingleOrDefaultAsync(ct);
        if (alert is null)
        {
            return TypedResults.Problem("No published alert has this identifier.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return Conditional(context, Encoding.UTF8.GetBytes(alert.CapXml!), CapAlert.ContentType, alert.SentUtc!.Value);
    }

    private static async Task<IResult> FeedAsync(PtdsDbContext db, AlertsOptions options, HttpContext context, CancellationToken ct)
    {
        var rows = await Published(db).OrderByDescending(a => a.SentUtc).ThenByDescending(a => a.Id).Take(FeedSize)
            .Select(a => new { a.Identifier, a.CapXml, a.SentUtc }).ToListAsync(ct);
        var baseUrl = BaseUrl(context.Request);
        var entries = rows.Select(r => CapAtomEntry.From(CapReader.Read(r.CapXml!), AlertDesk.PublicUrl(baseUrl, r.Identifier!))).ToList();
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : DateTimeOffset.UnixEpoch;
        var feed = new CapAtomFeed($"urn:ptds:{options.Sender}:alerts", "PTDS — Cảnh báo thiên tai / Disaster alerts", new Uri(baseUrl, "cap/feed.atom"), updated, options.Sender, entries);
        return Conditional(context, CapAtomFeedWriter.ToBytes(feed), "application/atom+xml", rows.Count > 0 ? rows.Max(r => r.SentUtc!.Value) : DateTime.UnixEpoch);
    }

    /// <summary>Every published message of every province: the public side has no scope.</summary>
    private static IQueryable<IssuedAlert> Published(PtdsDbContext db) =>
        db.IssuedAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => a.State != AlertState.Draft && a.CapXml != null);

    /// <summary>200 with validators, or 304 when the client's copy (If-None-Match, else If-Modified-Since) is current.</summary>
    private static IResult Conditional(HttpContext context, byte[] body, string contentType, DateTime lastModifiedUtc)
    {
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..32] + "\"");
        var lastModified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)).AddTicks(-(lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond));
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(60) };
        var request = context.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : request.IfModifiedSince is { } since && lastModified <= since;
        return notModified ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Bytes(body, contentType);
    }
}
