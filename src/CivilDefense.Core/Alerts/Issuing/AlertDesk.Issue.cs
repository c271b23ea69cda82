using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>Preview, issue, update and cancel: the CAP validator must find no error before anything is published.</summary>
public sealed partial class AlertDesk
{
    /// <summary>The alert's stable public URL under <paramref name="publicBase"/>.</summary>
    public static Uri PublicUrl(Uri publicBase, string identifier) => new(publicBase, $"cap/alerts/{Uri.EscapeDataString(identifier)}.xml");

    public async Task<Result<AlertPreview>> PreviewAsync(int id, Uri publicBase, CancellationToken ct)
    {
        var alert = await FindAsync(id, ct);
        if (alert is null)
        {
            return new NotFoundError();
        }

        if (alert.CapXml is not null)
        {
            return new AlertPreview(alert.CapXml, [], CapValidator.Validate(CapXml.Parse(alert.CapXml).Root!));
        }

        return Compose(alert, await ReferencesAsync(alert, ct), publicBase).Preview;
    }

    public async Task<Result<AlertView>> IssueAsync(int id, Uri publicBase, CancellationToken ct)
    {
        var alert = await FindAsync(id, ct);
        if (alert is null)
        {
            return new NotFoundError();
        }

        if (Refusal(alert.Unit) is { } refused)
        {
            return refused;
        }

        if (alert.State != AlertState.Draft)
        {
            return new ValidationError("The alert has already been issued.");
        }

        var (preview, cap) = Compose(alert, await ReferencesAsync(alert, ct), publicBase);
        if (!preview.CanIssue)
        {
            var problems = preview.Missing.Concat(preview.Findings.Where(f => f.Severity == CapFindingSeverity.Error).Select(f => f.ToString())).ToArray();
            return new ValidationError("The alert cannot be issued: " + string.Join("; ", problems)) { FieldErrors = new Dictionary<string, string[]> { ["cap"] = problems } };
        }

        alert.Identifier = cap!.Identifier;
        alert.SentText = CapTime.Format(cap.Sent);
        alert.SentUtc = cap.Sent.UtcDateTime;
        alert.References = cap.References.Count == 0 ? null : string.Join(' ', cap.References);
        alert.CapXml = preview.Xml;
        alert.State = AlertState.Issued;
        alert.IssuedBy = db.Actor.Name;
        if (alert.MessageType == CapMessageType.Cancel)
        {
            // The whole chain is withdrawn; every message of it stays published beside the Cancel.
            var chainId = alert.ChainId ?? alert.ReplacesId;
            foreach (var earlier in await db.IssuedAlerts.Where(a => (a.Id == chainId || a.ChainId == chainId) && a.Id != alert.Id && a.State == AlertState.Issued).ToListAsync(ct))
            {
                earlier.State = AlertState.Cancelled;
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var handler in issuedHandlers)
        {
            await handler.OnIssuedAsync(alert, ct);
        }

        return AlertView.Of(alert);
    }

    /// <summary>A draft Update of an issued alert, with the new content; issue it to publish.</summary>
    public async Task<Result<AlertView>> DraftUpdateAsync(int id, AlertInput input, CancellationToken ct)
    {
        var original = await ReplaceableAsync(id, ct);
        if (!original.IsSuccess)
        {
            return original.Error!;
        }

        var created = await CreateDraftAsync(input with { UnitId = original.Value!.UnitId }, ct);
        if (!created.IsSuccess)
        {
            return created;
        }

        var draft = await db.IssuedAlerts.SingleAsync(a => a.Id == created.Value!.Id, ct);
        Chain(draft, original.Value, CapMessageType.Update);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(draft);
    }

    /// <summary>Cancels an issued alert: a Cancel message (its content copied, AllClear) issued at once.</summary>
    public async Task<Result<AlertView>> CancelAsync(int id, CancelInput input, Uri publicBase, CancellationToken ct)
    {
        var original = await ReplaceableAsync(id, ct);
        if (!original.IsSuccess)
        {
            return original.Error!;
        }

        var source = original.Value!;
        var cancel = NewDraft(source.Unit);
        cancel.Hazard = source.Hazard;
        cancel.RiskLevel = source.RiskLevel;
        cancel.Status = source.Status;
        cancel.Urgency = source.Urgency;
        cancel.Certainty = source.Certainty;
        cancel.AreasJson = source.AreasJson;
        cancel.TextsJson = source.TextsJson;
        cancel.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        Chain(cancel, source, CapMessageType.Cancel);
        db.IssuedAlerts.Add(cancel);
        await db.SaveChangesAsync(ct);
        return await IssueAsync(cancel.Id, publicBase, ct);
    }

    private async Task<Result<IssuedAlert>> ReplaceableAsync(int id, CancellationToken ct)
    {
        var alert = await FindAsync(id, ct);
        if (alert is null)
        {
            return new NotFoundError();
        }

        if (Refusal(alert.Unit) is { } refused)
        {
            return refused;
        }

        if (alert.State != AlertState.Issued || alert.MessageType == CapMessageType.Cancel)
        {
            return new ValidationError("Only an issued alert that is not cancelled can be updated or cancelled.");
        }

        return alert;
    }

    private static void Chain(IssuedAlert message, IssuedAlert replaced, CapMessageType type)
    {
        message.MessageType = type;
        message.ReplacesId = replaced.Id;
        message.ChainId = replaced.ChainId ?? replaced.Id;
    }

    /// <summary>
    /// What the message refers to: for an Update or Cancel the first message of the chain and every
    /// message issued in it since (CAP 1.2 §3.2.1 references); for a relay, the neighbour's alert.
    /// </summary>
    private async Task<IReadOnlyList<CapReference>> ReferencesAsync(IssuedAlert alert, CancellationToken ct)
    {
        if (alert.ChainId is { } chainId)
        {
            var chain = await db.IssuedAlerts.IgnoreQueryFilters()
                .Where(a => (a.Id == chainId || a.ChainId == chainId) && a.Id != alert.Id && a.SentText != null)
                .OrderBy(a => a.SentUtc).ThenBy(a => a.Id)
                .Select(a => new { a.Sender, a.Identifier, a.SentText })
                .ToListAsync(ct);
            return [.. chain.Select(a => Reference(a.Sender, a.Identifier!, a.SentText!))];
        }

        if (alert.RelayedFromId is { } receivedId
            && await db.ReceivedAlerts.IgnoreQueryFilters().Where(r => r.Id == receivedId).Select(r => new { r.Sender, r.Identifier, r.SentText }).SingleOrDefaultAsync(ct) is { } source)
        {
            return [Reference(source.Sender, source.Identifier, source.SentText)];
        }

        return [];
    }

    private static CapReference Reference(string sender, string identifier, string sent) =>
        new(sender, identifier, CapTime.TryParse(sent, out var time) ? time : DateTimeOffset.MinValue);

    /// <summary>The CAP the draft would be, sent now: the register number is the alert's id.</summary>
    private (AlertPreview Preview, CapAlert? Alert) Compose(IssuedAlert alert, IReadOnlyList<CapReference> references, Uri publicBase)
    {
        var missing = AlertCapBuilder.Missing(alert);
        if (missing.Count > 0)
        {
            return (new AlertPreview(null, missing, []), null);
        }

        var offset = TimeSpan.FromHours(options.UtcOffsetHours);
        var now = db.Clock.GetUtcNow().ToOffset(offset);
        var sent = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, offset);
        var profile = new PtdsCapProfile(options.Sender, SenderNames(alert), alert.Unit.Code, options.Contact);
        var identifier = profile.NewIdentifier(sent, alert.Id);
        var cap = AlertCapBuilder.Build(alert, profile, identifier, sent, PublicUrl(options.PublicBaseUrl ?? publicBase, identifier), references);
        var xml = CapWriter.ToXml(cap);
        return (new AlertPreview(xml, [], CapValidator.Validate(CapXml.Parse(xml).Root!)), cap);
    }

    private static Dictionary<string, string> SenderNames(IssuedAlert alert) => new()
    {
        ["vi-VN"] = "Ban Chỉ huy PCTT và TKCN " + alert.Unit.FullName,
        ["en-US"] = "Disaster Prevention and Search and Rescue Command Board, " + (alert.Unit.FullNameEn ?? alert.Unit.FullName),
    };
}
