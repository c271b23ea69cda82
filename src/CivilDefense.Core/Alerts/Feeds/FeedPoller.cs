using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Feeds;

/// <summary>How polling is bounded: bytes per document, time per request, documents per poll.</summary>
public sealed class FeedPollOptions
{
    public int MaxBytes { get; set; } = 2 * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Linked alerts fetched per poll at most; a feed of thousands of entries is read over several polls.</summary>
    public int MaxLinkedAlerts { get; set; } = 100;

    /// <summary>Whether feeds on loopback and private addresses may be fetched (neighbours on the same private network); see <see cref="FeedAddresses"/>.</summary>
    public bool AllowPrivateAddresses { get; set; }
}

/// <summary>What one poll of one feed did.</summary>
public sealed record FeedPollResult(int FeedId, int Read, int New, int Duplicates, int WithErrors, IReadOnlyList<string> Problems)
{
    public bool Failed => Read == 0 && Problems.Count > 0;

    public string Summary => $"{Read} read, {New} new, {Duplicates} duplicate, {WithErrors} with errors" + (Problems.Count > 0 ? "; " + string.Join("; ", Problems.Take(3)) : "");
}

/// <summary>
/// Polls a neighbour feed: fetches it (http/https only, size-limited, with a timeout), reads it
/// with the safe reader (no DTD, no external entities, depth limit), follows each entry's CAP link
/// (http/https only), validates every alert, and stores the new ones; an alert already held for
/// the province (same sender, identifier and sent) is counted as a duplicate and skipped.
/// </summary>
public sealed class FeedPoller(PtdsDbContext db, HttpClient http, FeedPollOptions options)
{
    public async Task<Result<FeedPollResult>> PollAsync(int feedId, CancellationToken ct)
    {
        var feed = await db.NeighbourFeeds.SingleOrDefaultAsync(f => f.Id == feedId, ct);
        if (feed is null)
        {
            return new NotFoundError();
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.AlertFeeds, feed.UnitPath))
        {
            return new ForbiddenError("Only the province's administrators and commanders poll its feeds.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var result = await ReadAsync(feed, ct);
            feed.LastPolledAt = db.Clock.GetUtcNow().UtcDateTime;
            feed.LastOutcome = result.Summary.Length > 1000 ? result.Summary[..1000] : result.Summary;
            feed.LastPollFailed = result.Failed;
            try
            {
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another poll of the same feed (the hosted service and a "poll now", or a second
                // process) finished between our duplicate check and our save: the unique key
                // (province, sender, identifier, sent) refused an alert it stored, or the feed's
                // version had moved on. Read again: those alerts are duplicates now. A second
                // failure is a real error.
                ForgetNewAlerts();
                await db.Entry(feed).ReloadAsync(ct);
            }
        }
    }

    /// <summary>Drops this poll's unsaved alerts from the context.</summary>
    private void ForgetNewAlerts()
    {
        foreach (var added in db.ChangeTracker.Entries<ReceivedAlert>().Where(e => e.State == EntityState.Added).ToList())
        {
            added.State = EntityState.Detached;
        }
    }

    private async Task<FeedPollResult> ReadAsync(NeighbourFeed feed, CancellationToken ct)
    {
        var problems = new List<string>();
        var readOptions = new CapReadOptions { MaxBytes = options.MaxBytes };
        var feedUrl = new Uri(feed.Url);
        var (data, problem) = await FetchAsync(feedUrl, ct);
        if (data is null)
        {
            return new FeedPollResult(feed.Id, 0, 0, 0, 0, [problem!]);
        }

        var found = new List<(System.Xml.Linq.XElement Element, string Source)>();
        try
        {
            var document = CapDocument.Load(data, feedUrl, readOptions);
            found.AddRange(document.Alerts.Select(a => (a.Element, feed.Url)));
            foreach (var entry in document.Feed?.Entries.Where(e => e.EmbeddedAlert is null && e.AlertLink is not null).Take(options.MaxLinkedAlerts) ?? [])
            {
                var (linked, linkProblem) = await FetchAsync(entry.AlertLink!, ct);
                if (linked is null)
                {
                    problems.Add(linkProblem!);
                    continue;
                }

                try
                {
                    found.AddRange(CapDocument.Load(linked, entry.AlertLink, readOptions).Alerts.Select(a => (a.Element, entry.AlertLink!.AbsoluteUri)));
                }
                catch (CapFormatException e)
                {
                    problems.Add($"{entry.AlertLink}: {e.Message}");
                }
            }
        }
        catch (CapFormatException e)
        {
            return new FeedPollResult(feed.Id, 0, 0, 0, 0, [$"{feed.Url}: {e.Message}"]);
        }

        return await StoreAsync(feed, found, problems, readOptions, ct);
    }

    private async Task<FeedPollResult> StoreAsync(NeighbourFeed feed, List<(System.Xml.Linq.XElement Element, string Source)> found, List<string> problems, CapReadOptions readOptions, CancellationToken ct)
    {
        var (added, duplicates, withErrors) = (0, 0, 0);
        var seen = new HashSet<(string, string, string)>();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var (element, source) in found)
        {
            var reading = CapReading.Of(element, readOptions);
            var received = ReceivedAlertReader.Read(element, reading, source, out var problem);
            if (received is null)
            {
                problems.Add(problem!);
                continue;
            }

            var key = (received.Sender, received.Identifier, received.SentKey);
            if (!seen.Add(key) || await db.ReceivedAlerts.IgnoreQueryFilters().AnyAsync(
                    r => r.UnitId == feed.UnitId && r.Sender == key.Sender && r.Identifier == key.Identifier && r.SentKey == key.SentKey, ct))
            {
                duplicates++;
                continue;
            }

            received.FeedId = feed.Id;
            received.UnitId = feed.UnitId;
            received.ReceivedAt = now;
            db.ReceivedAlerts.Add(received);
            added++;
            withErrors += received.ErrorCount > 0 ? 1 : 0;
        }

        return new FeedPollResult(feed.Id, found.Count, added, duplicates, withErrors, problems);
    }

    /// <summary>The bytes, or why not: only http/https, never more than MaxBytes, never longer than Timeout.</summary>
    private async Task<(byte[]? Data, string? Problem)> FetchAsync(Uri address, CancellationToken ct)
    {
        if (address.Scheme is not ("http" or "https"))
        {
            return (null, $"{address}: only http and https are polled");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"{address}: HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > options.MaxBytes)
            {
                return (null, $"{address}: larger than {options.MaxBytes} bytes; refused");
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > options.MaxBytes)
                {
                    return (null, $"{address}: larger than {options.MaxBytes} bytes; refused");
                }
            }

            return (buffer.ToArray(), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"{address}: no answer within {options.Timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (null, $"{address}: {e.Message}");
        }
    }
}
