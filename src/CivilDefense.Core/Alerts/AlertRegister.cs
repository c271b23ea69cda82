using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts;

/// <summary>One line of the alert list: a message PTDS issued (or drafted), or one received from a neighbour.</summary>
public sealed record AlertListItem(
    string Kind,
    int Id,
    string Source,
    string? Identifier,
    string Sender,
    string? Sent,
    DateTime? SentUtc,
    string? MessageType,
    PtdsHazard? Hazard,
    string? Event,
    int? RiskLevel,
    string? Headline,
    string State,
    int Errors,
    int Warnings);

/// <summary>Filters of the alert list: source "ptds", "received" or "feed:{id}"; hazard; state (Draft, Issued, Cancelled, Received).</summary>
public sealed record AlertListQuery(string? Source = null, PtdsHazard? Hazard = null, string? State = null);

/// <summary>The alert list: issued and received together, newest first, within the reader's scope.</summary>
public sealed class AlertRegister(PtdsDbContext db)
{
    public const string Issued = "issued";
    public const string Received = "received";

    /// <summary>At most this many of each kind are merged: the list is for the current situation, the API pages it.</summary>
    private const int Window = 2000;

    public async Task<IReadOnlyList<AlertListItem>> ListAsync(AlertListQuery query, CancellationToken ct)
    {
        var items = new List<AlertListItem>();
        var feedId = query.Source?.StartsWith("feed:", StringComparison.Ordinal) == true && int.TryParse(query.Source[5..], out var f) ? f : (int?)null;
        if (query.Source is null or "" or "ptds" && query.State is not "Received")
        {
            var issued = db.IssuedAlerts.AsNoTracking();
            if (query.Hazard is { } hazard)
            {
                issued = issued.Where(a => a.Hazard == hazard);
            }

            if (Enum.TryParse<AlertState>(query.State, out var state))
            {
                issued = issued.Where(a => a.State == state);
            }

            var rows = await issued.OrderByDescending(a => a.Id).Take(Window).ToListAsync(ct);
            items.AddRange(rows.Select(a => new AlertListItem(Issued, a.Id, "PTDS", a.Identifier, a.Sender, a.SentText, a.SentUtc, a.MessageType.ToString(),
                a.Hazard, a.Hazard is { } h ? HazardNames.Vietnamese(h) : null, a.RiskLevel == 0 ? null : a.RiskLevel,
                a.Texts.Of("vi-VN")?.Headline, a.State.ToString(), 0, 0)));
        }

        if (query.Source is null or "" or "received" || feedId is not null)
        {
            if (query.State is null or "" or "Received")
            {
                var received = db.ReceivedAlerts.AsNoTracking();
                if (feedId is { } id)
                {
                    received = received.Where(r => r.FeedId == id);
                }

                if (query.Hazard is { } hazard)
                {
                    received = received.Where(r => r.Hazard == hazard);
                }

                var rows = await received.OrderByDescending(r => r.Id).Take(Window)
                    .Select(r => new AlertListItem(Received, r.Id, r.Feed.Name, r.Identifier, r.Sender, r.SentText, r.SentUtc, r.MessageType,
                        r.Hazard, r.Event, null, r.Headline, "Received", r.ErrorCount, r.WarningCount))
                    .ToListAsync(ct);
                items.AddRange(rows);
            }
        }

        // Drafts (not yet sent) first, then newest sent.
        return [.. items.OrderBy(i => i.SentUtc is null ? 0 : 1).ThenByDescending(i => i.SentUtc).ThenByDescending(i => i.Id)];
    }

    public async Task<Result<ReceivedAlertView>> GetReceivedAsync(int id, CancellationToken ct) =>
        await db.ReceivedAlerts.AsNoTracking().Include(r => r.Feed).SingleOrDefaultAsync(r => r.Id == id, ct) is { } r
            ? new ReceivedAlertView(r.Id, r.FeedId, r.Feed.Name, r.Sender, r.Identifier, r.SentText, r.MessageType, r.Status, r.Event, r.Hazard, r.Severity, r.Headline,
                AlertJson.Areas(r.AreasJson), AlertJson.Texts(r.TextsJson).ByLanguage, AlertJson.Findings(r.FindingsJson), r.Signature, r.SourceUrl, r.ReceivedAt, r.CapXml)
            : new NotFoundError();
}

public sealed record ReceivedAlertView(
    int Id,
    int FeedId,
    string Feed,
    string Sender,
    string Identifier,
    string Sent,
    string? MessageType,
    string? Status,
    string? Event,
    PtdsHazard? Hazard,
    string? Severity,
    string? Headline,
    AlertAreaSet Areas,
    IReadOnlyDictionary<string, AlertText> Texts,
    IReadOnlyList<CapFinding> Findings,
    string? Signature,
    string SourceUrl,
    DateTime ReceivedAt,
    string CapXml);
