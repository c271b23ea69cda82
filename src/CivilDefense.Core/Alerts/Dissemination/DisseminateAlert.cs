using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Alerts.Targeting;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>What one run queued: recipients found, deliveries written now and already there, addresses no channel carries.</summary>
public sealed record DisseminationReport(Guid OutboxAlertId, int Recipients, int Queued, int AlreadyQueued, int WithoutChannel);

/// <summary>
/// Phổ biến cảnh báo: puts an issued message into the delivery outbox for everyone it concerns.
/// The recipients are the active subscribers of the issuing province inside the message's areas
/// (polygons, circles, commune geocodes; a district or province geocode stands for its communes),
/// plus the first duty contact of every organisation that answers for those communes (the
/// province's bodies included; <see cref="ResponsibleOrganizations"/>), plus, for an Update or
/// Cancel, everyone an earlier message of the same chain reached — a
/// Cancel must reach the people who were warned, and an Update that shrinks the area must tell
/// those left out that it changed. Each recipient gets one delivery per address they have, in
/// their language (vi-VN when the message has no block in it). Relayed neighbour alerts are
/// issued as PTDS messages and come through here like any other. Every id is derived
/// (<see cref="DeliveryIdentities"/>), so running it again for the same message adds nothing.
/// </summary>
public sealed class DisseminateAlert(PtdsDbContext db, QueueDeliveries queue, SubscriberIndexCache index, DeliveryOptions delivery) : IAlertIssuedHandler
{
    /// <summary>Subscriber rows read per query: a bounded parameter list on both providers.</summary>
    private const int ReadChunk = 5000;

    /// <summary>
    /// Queues right after publication. A failure here must not turn a published alert into an
    /// error for the operator who issued it: the message stands, it is simply not marked queued,
    /// and <see cref="ResumeDissemination"/> queues it on its next round (or the operator does, by
    /// POST /alerts/{id}/deliveries). A cancelled request is not a failure and goes up.
    /// </summary>
    public async Task OnIssuedAsync(IssuedAlert alert, CancellationToken ct)
    {
        try
        {
            await HandleAsync(alert, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left unmarked on purpose; the resume service logs what it finds.
        }
    }

    public async Task<Result<DisseminationReport>> HandleAsync(IssuedAlert alert, CancellationToken ct)
    {
        if (alert.CapXml is null || alert.Identifier is null)
        {
            return new ValidationError("Only an issued message is delivered.");
        }

        var cap = CapReader.Read(alert.CapXml);
        var outboxId = DeliveryIdentities.AlertId(alert.Id);
        var province = await db.Units.IgnoreQueryFilters().Where(u => u.Id == alert.UnitId).Select(u => u.Path).SingleAsync(ct);

        var (targeted, geocodes) = await TargetAsync(cap, ct);
        targeted.UnionWith(await EarlierRecipientsAsync(alert, ct));
        var subscribers = await SubscribersAsync(targeted, province, ct);
        var responsible = await ResponsibleContactsAsync(subscribers, targeted, geocodes, province, ct);
        subscribers.AddRange(await SubscribersAsync([.. responsible], province, ct));

        var channels = DisseminationChannels.From(delivery);
        var requests = new List<DeliveryRequest>(subscribers.Count);
        var messages = new Dictionary<(string Channel, string Language), AlertMessage>();
        var withoutChannel = 0;
        foreach (var s in subscribers)
        {
            var info = DisseminationLanguages.Choose(cap.Infos, s.Language);
            if (info is null)
            {
                continue;
            }

            var recipient = DeliveryIdentities.RecipientId(s.Id, s.Acknowledges);
            withoutChannel += Add(ChannelKind.HttpSms, channels.Sms, s.Phone) + Add(ChannelKind.Email, channels.Email, s.Email) + Add(ChannelKind.Webhook, channels.Webhook, s.WebhookUrl);

            int Add(ChannelKind kind, string? channel, string? address)
            {
                if (string.IsNullOrWhiteSpace(address))
                {
                    return 0;
                }

                if (channel is null)
                {
                    return 1;
                }

                if (!messages.ContainsKey((channel, info.Language)))
                {
                    messages[(channel, info.Language)] = AlertMessageBuilder.Build(kind, channel, cap, info, alert.CapXml!);
                }

                requests.Add(new DeliveryRequest(recipient, channel, address.Trim(), info.Language, s.UnitId));
                return 0;
            }
        }

        var queued = await queue.HandleAsync(new QueueDeliveriesCommand(outboxId, alert.UnitId, [.. messages.Values], requests), ct);
        if (!queued.IsSuccess)
        {
            return queued.Error!;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        await db.IssuedAlerts.IgnoreQueryFilters().Where(a => a.Id == alert.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.DeliveriesQueuedAt, now), ct);
        return new DisseminationReport(outboxId, subscribers.Count, queued.Value!.Queued, queued.Value.AlreadyQueued, withoutChannel);
    }

    /// <summary>The subscribers inside the message's areas, by the targeting index, and the commune codes of its geocodes.</summary>
    private async Task<(HashSet<int> Targeted, IReadOnlyList<string> Geocodes)> TargetAsync(CapAlert cap, CancellationToken ct)
    {
        var area = AlertAreaMapping.Of(cap);
        var geocodes = await CommuneCodesAsync(area.Geocodes, ct);
        var current = await index.CurrentAsync(db, ct);
        using var found = current.Find(area with { Geocodes = geocodes });
        var ids = new HashSet<int>(found.Count);
        foreach (var id in found.SubscriberIds)
        {
            ids.Add(id);
        }

        return (ids, geocodes);
    }

    /// <summary>
    /// The first duty contact of each organisation at or above the communes the alert reaches
    /// (<see cref="ResponsibleOrganizations"/>): the communes of the recipients found and of the geocodes.
    /// </summary>
    /// <param name="targeted">The ids the area and the chain reached (already a set: not rebuilt from two million recipients).</param>
    private async Task<IReadOnlyList<int>> ResponsibleContactsAsync(List<Recipient> found, HashSet<int> targeted, IReadOnlyList<string> geocodes, string provincePath, CancellationToken ct)
    {
        // The recipients' communes: a few hundred at most in a province, one query.
        var unitIds = found.Select(r => r.UnitId).Distinct().ToList();
        var areaPaths = new HashSet<string>(await db.Units.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct), StringComparer.Ordinal);

        if (geocodes.Count > 0)
        {
            areaPaths.UnionWith(await db.Units.IgnoreQueryFilters().Where(u => geocodes.Contains(u.Code)).Select(u => u.Path).ToListAsync(ct));
        }

        if (areaPaths.Count == 0)
        {
            return [];
        }

        var contacts = await db.Subscribers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Active && s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null && !s.IsDutyOfficer && s.Unit.Path.StartsWith(provincePath))
            .Select(s => new DutyContactPlace(s.Id, s.OrganizationId!.Value, s.ContactOrder, s.Unit.Path))
            .ToListAsync(ct);
        return ResponsibleOrganizations.FirstContacts(contacts, areaPaths, targeted);
    }

    /// <summary>
    /// The codes as the index knows subscribers (by their commune), with a province or district
    /// code replaced by the codes of every unit below it.
    /// </summary>
    private async Task<IReadOnlyList<string>> CommuneCodesAsync(IReadOnlyList<string> codes, CancellationToken ct)
    {
        if (codes.Count == 0)
        {
            return codes;
        }

        var result = new HashSet<string>(codes, StringComparer.Ordinal);
        var parents = await db.Units.IgnoreQueryFilters().Where(u => codes.Contains(u.Code) && u.Level < 3).Select(u => u.Path).ToListAsync(ct);
        foreach (var path in parents)
        {
            result.UnionWith(await db.Units.IgnoreQueryFilters().Where(u => u.Path.StartsWith(path)).Select(u => u.Code).ToListAsync(ct));
        }

        return [.. result];
    }

    /// <summary>Who the earlier messages of an Update's or Cancel's chain were queued for.</summary>
    private async Task<IEnumerable<int>> EarlierRecipientsAsync(IssuedAlert alert, CancellationToken ct)
    {
        if (alert.ChainId is not { } chainId)
        {
            return [];
        }

        var earlier = await db.IssuedAlerts.IgnoreQueryFilters()
            .Where(a => (a.Id == chainId || a.ChainId == chainId) && a.Id != alert.Id && a.Identifier != null)
            .Select(a => a.Id)
            .ToListAsync(ct);
        var outboxIds = earlier.Select(DeliveryIdentities.AlertId).ToList();
        var recipients = await db.Deliveries.Where(d => outboxIds.Contains(d.AlertId)).Select(d => d.RecipientId).Distinct().ToListAsync(ct);
        return recipients.Select(DeliveryIdentities.SubscriberId).OfType<int>();
    }

    /// <param name="Acknowledges">An organisation's duty contact: its messages carry the acknowledgement link.</param>
    private sealed record Recipient(int Id, string? Phone, string? Email, string? WebhookUrl, string Language, int UnitId, bool Acknowledges);

    /// <summary>
    /// The active subscribers among <paramref name="ids"/> in the issuing province, in id order.
    /// Read past the actor's scope: the alert is the province's, whoever issues it, and the
    /// addresses go to the outbox only, never back to the caller.
    /// </summary>
    private async Task<List<Recipient>> SubscribersAsync(IReadOnlyCollection<int> ids, string provincePath, CancellationToken ct)
    {
        var sorted = ids.Order().ToArray();
        var result = new List<Recipient>(sorted.Length);
        for (var start = 0; start < sorted.Length; start += ReadChunk)
        {
            var chunk = sorted[start..Math.Min(sorted.Length, start + ReadChunk)];
            result.AddRange(await db.Subscribers.IgnoreQueryFilters().AsNoTracking()
                .Where(s => chunk.Contains(s.Id) && s.Status == SubscriberStatus.Active && s.Unit.Path.StartsWith(provincePath))
                .OrderBy(s => s.Id)
                .Select(s => new Recipient(s.Id, s.Phone, s.Email, s.WebhookUrl, s.Language, s.UnitId, s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null))
                .ToListAsync(ct));
        }

        return result;
    }
}
