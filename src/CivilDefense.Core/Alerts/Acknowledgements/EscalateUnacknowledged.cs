using System.Text.Json;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>What one escalation run did.</summary>
public sealed record EscalationRun(int Escalated, int DeliveriesQueued);

/// <summary>
/// The escalation step (chuyển cấp), run periodically by the host as the system: for every
/// organisation reached by an alert in the last two days that has not acknowledged in time, it
/// records the next step (once: a unique index) with an audit entry and queues the alert,
/// through <see cref="QueueDeliveries"/>, to the organisation's next duty contact and to the
/// nearest command board's duty officers (subscribers marked <see cref="Subscriber.IsDutyOfficer"/>
/// in the organisation's unit or the closest unit above that has one). The row is written
/// before the queueing; a run that finds a step whose recipients have no delivery queues them
/// again, so a crash in between loses nothing.
/// </summary>
public sealed class EscalateUnacknowledged(PtdsDbContext db, AcknowledgementOptions options)
{
    /// <summary>Alerts older than this are not escalated any more.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(2);

    private sealed record Person(int Id, int? OrganizationId, int? ContactOrder, bool IsDutyOfficer, string UnitPath, int UnitId, string? Phone, string? Email, string? WebhookUrl, string Language, bool Acknowledges);

    public async Task<EscalationRun> RunAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var people = await db.Subscribers.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status == SubscriberStatus.Active && ((s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null) || s.IsDutyOfficer))
            .OrderBy(s => s.ContactOrder ?? int.MaxValue).ThenBy(s => s.Id)
            .Select(s => new Person(s.Id, s.OrganizationId, s.ContactOrder, s.IsDutyOfficer, s.Unit.Path, s.UnitId, s.Phone, s.Email, s.WebhookUrl, s.Language, s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null))
            .ToListAsync(ct);
        var contacts = people.Where(p => p.OrganizationId is not null && !p.IsDutyOfficer).ToList();
        if (contacts.Count == 0)
        {
            return new EscalationRun(0, 0);
        }

        var recipientIds = people.SelectMany(p => DeliveryIdentities.RecipientIds(p.Id)).ToList();
        var since = now - Horizon;
        var deliveries = await db.Deliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => recipientIds.Contains(d.RecipientId) && d.QueuedAt >= since)
            .GroupBy(d => new { d.AlertId, d.RecipientId })
            .Select(g => new { g.Key.AlertId, g.Key.RecipientId, QueuedAt = g.Min(d => d.QueuedAt) })
            .ToListAsync(ct);
        var alertIds = deliveries.Select(d => d.AlertId).Distinct().ToList();
        var acknowledged = (await db.AlertAcknowledgements.IgnoreQueryFilters().AsNoTracking().Where(a => alertIds.Contains(a.AlertId))
            .Select(a => new { a.AlertId, a.OrganizationId }).ToListAsync(ct)).Select(a => (a.AlertId, a.OrganizationId)).ToHashSet();
        var steps = (await db.AlertEscalations.AsNoTracking().Where(e => alertIds.Contains(e.AlertId)).ToListAsync(ct))
            .GroupBy(e => (e.AlertId, e.OrganizationId)).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Step)!);

        var byId = people.ToDictionary(p => p.Id);
        var contactsByOrganization = contacts.GroupBy(c => c.OrganizationId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        int escalated = 0, queued = 0;
        foreach (var alert in deliveries.GroupBy(d => d.AlertId))
        {
            var reached = alert.Where(d => DeliveryIdentities.SubscriberId(d.RecipientId) is { } id && byId.ContainsKey(id))
                .ToDictionary(d => DeliveryIdentities.SubscriberId(d.RecipientId)!.Value, d => d.QueuedAt);
            foreach (var organization in reached.Keys.Select(id => byId[id].OrganizationId).OfType<int>().Distinct())
            {
                var own = contactsByOrganization.GetValueOrDefault(organization) ?? [];
                var ownReached = own.Where(c => reached.ContainsKey(c.Id)).ToList();
                if (ownReached.Count == 0)
                {
                    continue;
                }

                steps.TryGetValue((alert.Key, organization), out var last);
                var state = new OrganizationAlertState(
                    own.Select(c => new DutyContactRef(c.Id, organization, c.ContactOrder)).ToList(),
                    ownReached.Select(c => c.Id).ToHashSet(), ownReached.Min(c => reached[c.Id]),
                    acknowledged.Contains((alert.Key, organization)), last?.Step ?? 0, last?.At, last?.NextContactId);
                var officers = DutyOfficersFor(people, ownReached[0].UnitPath);
                if (EscalationPlan.Next(state, now, options.AcknowledgeWithin) is { } step)
                {
                    if (!await RecordAsync(alert.Key, organization, step, officers.Count, ownReached[0], now, ct))
                    {
                        continue;
                    }

                    escalated++;
                    queued += await QueueAsync(alert.Key, step.NextContactId is { } next ? [byId[next], .. officers] : officers, ownReached[0].UnitId, ct);
                }
                else if (last is not null && !state.Acknowledged)
                {
                    // Repair after a crash between the record and the queue: the last step's recipients without a delivery.
                    var missing = (last.NextContactId is { } n && byId.TryGetValue(n, out var c) ? [c, .. officers] : officers)
                        .Where(p => !reached.ContainsKey(p.Id)).ToList();
                    if (missing.Count > 0)
                    {
                        queued += await QueueAsync(alert.Key, missing, ownReached[0].UnitId, ct);
                    }
                }
            }
        }

        return new EscalationRun(escalated, queued);
    }

    /// <summary>The duty officers of the nearest unit, from the organisation's own unit upwards, that has any.</summary>
    private static List<Person> DutyOfficersFor(List<Person> people, string organizationUnitPath) =>
        people.Where(p => p.IsDutyOfficer && organizationUnitPath.StartsWith(p.UnitPath, StringComparison.Ordinal))
            .GroupBy(p => p.UnitPath.Length).OrderByDescending(g => g.Key).FirstOrDefault()?.ToList() ?? [];

    private async Task<bool> RecordAsync(Guid alertId, int organizationId, EscalationStep step, int officers, Person contact, DateTime now, CancellationToken ct)
    {
        object alert = db.Database.IsNpgsql() ? alertId : SqliteOutboxStore.Text(alertId);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO alert_escalations ("AlertId", "OrganizationId", "Step", "NextContactId", "DutyOfficers", "At")
            VALUES ({alert}, {organizationId}, {step.Step}, {step.NextContactId}, {officers}, {now})
            ON CONFLICT ("AlertId", "OrganizationId", "Step") DO NOTHING
            """, ct);
        if (rows == 0)
        {
            return false;
        }

        await AuditWriter.InsertAsync(db, [new AuditEntry
        {
            At = now,
            Actor = db.Actor.Name,
            Action = "Escalate",
            EntityType = nameof(AlertEscalation),
            EntityId = $"{alertId}/{organizationId}/{step.Step}",
            UnitId = contact.UnitId,
            UnitPath = contact.UnitPath,
            After = JsonSerializer.Serialize(new { AlertId = alertId, OrganizationId = organizationId, step.Step, step.NextContactId, DutyOfficers = officers, Within = options.AcknowledgeWithinMinutes }),
        }], ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Queues the alert's stored texts to these people on every channel they have an address for.</summary>
    private async Task<int> QueueAsync(Guid alertId, IReadOnlyList<Person> to, int unitId, CancellationToken ct)
    {
        var messages = await db.DeliveryMessages.AsNoTracking().Where(m => m.AlertId == alertId)
            .Select(m => new AlertMessage(m.Channel, m.Language, m.Subject, m.Body)).ToListAsync(ct);
        var requests = new List<DeliveryRequest>();
        foreach (var person in to)
        {
            foreach (var (channel, address) in new[] { ("sms", person.Phone), ("email", person.Email), ("webhook", person.WebhookUrl) })
            {
                var forChannel = messages.Where(m => m.Channel == channel).ToList();
                if (address is null || forChannel.Count == 0)
                {
                    continue;
                }

                var language = (forChannel.FirstOrDefault(m => m.Language.StartsWith(person.Language, StringComparison.OrdinalIgnoreCase)) ?? forChannel[0]).Language;
                requests.Add(new DeliveryRequest(DeliveryIdentities.RecipientId(person.Id, person.Acknowledges), channel, address, language, person.UnitId));
            }
        }

        if (requests.Count == 0)
        {
            return 0;
        }

        var result = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(alertId, unitId, messages, requests), ct);
        return result.IsSuccess ? result.Value!.Queued : throw new InvalidOperationException("Queueing an escalation failed: " + result.Error!.Message);
    }
}
