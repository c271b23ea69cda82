using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>What an acknowledgement link or call found: the alert, the organisation, and when it acknowledged.</summary>
public sealed record AcknowledgementView(
    int IssuedAlertId, string? Headline, string? HeadlineEnglish, DateTime? SentUtc, int RiskLevel,
    int OrganizationId, string OrganizationName, string ContactName,
    DateTime? AcknowledgedAt, AcknowledgementMethod? Method, string? AcknowledgedBy, bool Repeated);

/// <summary>The body of <c>POST /api/v1/alerts/{id}/acknowledgements</c>: which organisation, when the token is not bound to one.</summary>
public sealed record AcknowledgementInput(int? OrganizationId);

/// <summary>
/// An organisation acknowledges an alert, by a duty contact's signed link (no login) or by its
/// system through the API. The first acknowledgement of an organisation stands; later ones,
/// through either way, change nothing and answer with the first. The row and its audit entry
/// are written in one transaction; the unique (alert, organisation) index makes a race of two
/// answers end in one row.
/// </summary>
public sealed class AcknowledgeAlert(PtdsDbContext db, SubscriberKeys keys)
{
    private sealed record Contact(int Id, string Name, int OrganizationId, string OrganizationName, int UnitId, string UnitPath);

    /// <summary>What the link page shows before the contact presses the button (GET must not acknowledge: scanners follow links).</summary>
    public async Task<Result<AcknowledgementView>> ReadLinkAsync(string? token, CancellationToken ct)
    {
        if (await ResolveLinkAsync(token, ct) is not { } found)
        {
            return new NotFoundError("This acknowledgement link is not valid.");
        }

        return await ViewAsync(found.AlertId, found.Contact, repeated: false, ct);
    }

    public async Task<Result<AcknowledgementView>> ByLinkAsync(string? token, CancellationToken ct)
    {
        if (await ResolveLinkAsync(token, ct) is not { } found)
        {
            return new NotFoundError("This acknowledgement link is not valid.");
        }

        var inserted = await InsertAsync(found.AlertId, found.Contact, found.RecipientId, AcknowledgementMethod.Link, found.Contact.Name, ct);
        return await ViewAsync(found.AlertId, found.Contact, repeated: !inserted, ct);
    }

    /// <summary>
    /// The caller acts for an organisation: an agency liaison's token for its own, or a user or
    /// token allowed to manage the organisation's contacts, naming it in the input.
    /// </summary>
    public async Task<Result<AcknowledgementView>> ByApiAsync(int issuedAlertId, AcknowledgementInput? input, CancellationToken ct)
    {
        var organizationId = input?.OrganizationId ?? db.Actor.OrganizationId;
        if (organizationId is null)
        {
            return ValidationError.ForField("organizationId", "Name the organisation that acknowledges (the token is not bound to one).");
        }

        var alertId = DeliveryIdentities.AlertId(issuedAlertId);

        // The contact the organisation was first reached at: the lowest escalation order with a delivery of this alert.
        var contacts = await ContactsQuery(s => s.OrganizationId == organizationId).ToListAsync(ct);
        var recipients = contacts.SelectMany(c => DeliveryIdentities.RecipientIds(c.Id)).ToList();
        var reached = await db.Deliveries.IgnoreQueryFilters().Where(d => d.AlertId == alertId && recipients.Contains(d.RecipientId))
            .Select(d => d.RecipientId).Distinct().ToListAsync(ct);
        var contact = contacts.FirstOrDefault(c => DeliveryIdentities.RecipientIds(c.Id).Any(reached.Contains));
        if (contact is null)
        {
            return new NotFoundError("No such alert was sent to this organisation.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Subscribers, contact.UnitPath, contact.OrganizationId))
        {
            return new ForbiddenError("You may not acknowledge for this organisation.");
        }

        var by = db.Actor.TokenId is null ? db.Actor.Name : "token:" + db.Actor.Name;
        var inserted = await InsertAsync(alertId, contact, DeliveryIdentities.RecipientIds(contact.Id).First(reached.Contains), AcknowledgementMethod.Api, by, ct);
        return await ViewAsync(alertId, contact, repeated: !inserted, ct);
    }

    private IQueryable<Contact> ContactsQuery(System.Linq.Expressions.Expression<Func<Subscriber, bool>> which) =>
        db.Subscribers.IgnoreQueryFilters()
            .Where(s => s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null)
            .Where(which)
            .OrderBy(s => s.ContactOrder ?? int.MaxValue).ThenBy(s => s.Id)
            .Select(s => new Contact(s.Id, s.Name, s.OrganizationId!.Value, s.Organization!.Name, s.UnitId, s.Unit.Path));

    private async Task<(Guid AlertId, Contact Contact, Guid RecipientId)?> ResolveLinkAsync(string? token, CancellationToken ct)
    {
        if (keys.ReadAcknowledgeToken(token) is not { } link)
        {
            return null;
        }

        var alertId = DeliveryIdentities.AlertId(link.IssuedAlertId);
        var recipientIds = DeliveryIdentities.RecipientIds(link.SubscriberId);
        var contact = await ContactsQuery(s => s.Id == link.SubscriberId).SingleOrDefaultAsync(ct);
        if (contact is null)
        {
            return null;
        }

        // A genuine link of a contact the alert was really sent to; anything else is "not valid".
        var reached = await db.Deliveries.IgnoreQueryFilters().Where(d => d.AlertId == alertId && recipientIds.Contains(d.RecipientId))
            .Select(d => d.RecipientId).FirstOrDefaultAsync(ct);
        return reached == Guid.Empty ? null : (alertId, contact, reached);
    }

    /// <summary>Inserts the acknowledgement and its audit entry unless the organisation already acknowledged; true when it did.</summary>
    /// <param name="recipientId">The id the contact was reached under: the delivery board matches the acknowledgement to the delivery by it.</param>
    private async Task<bool> InsertAsync(Guid alertId, Contact contact, Guid recipientId, AcknowledgementMethod method, string by, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var postgres = db.Database.IsNpgsql();
        object alert = postgres ? alertId : SqliteOutboxStore.Text(alertId);
        object recipient = postgres ? recipientId : SqliteOutboxStore.Text(recipientId);
        var methodText = method.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO alert_acknowledgements ("AlertId", "OrganizationId", "SubscriberId", "RecipientId", "UnitId", "At", "Method", "By")
            VALUES ({alert}, {contact.OrganizationId}, {contact.Id}, {recipient}, {contact.UnitId}, {now}, {methodText}, {by})
            ON CONFLICT ("AlertId", "OrganizationId") DO NOTHING
            """, ct);
        if (rows == 0)
        {
            return false;
        }

        await AuditWriter.InsertAsync(db, [new AuditEntry
        {
            At = now,
            Actor = method == AcknowledgementMethod.Link ? "link:" + contact.Name : by,
            ActorUserId = db.Actor.UserId,
            Action = "Acknowledge",
            EntityType = nameof(AlertAcknowledgement),
            EntityId = alertId + "/" + contact.OrganizationId,
            UnitId = contact.UnitId,
            UnitPath = contact.UnitPath,
            After = JsonSerializer.Serialize(new { AlertId = alertId, contact.OrganizationId, SubscriberId = contact.Id, Method = methodText, By = by, At = now }),
        }], ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private async Task<AcknowledgementView> ViewAsync(Guid alertId, Contact contact, bool repeated, CancellationToken ct)
    {
        var issuedId = DeliveryIdentities.IssuedAlertId(alertId);
        var alert = await db.IssuedAlerts.IgnoreQueryFilters().AsNoTracking().Where(a => a.Id == issuedId)
            .Select(a => new { a.Id, a.TextsJson, a.SentUtc, a.RiskLevel }).SingleOrDefaultAsync(ct);
        var texts = alert is null ? null : AlertJson.Texts(alert.TextsJson);
        var ack = await db.AlertAcknowledgements.IgnoreQueryFilters().AsNoTracking().Where(a => a.AlertId == alertId && a.OrganizationId == contact.OrganizationId).SingleOrDefaultAsync(ct);
        return new AcknowledgementView(
            issuedId ?? 0, texts?.Of("vi-VN")?.Headline ?? texts?.ByLanguage.Values.FirstOrDefault()?.Headline, texts?.Of("en-US")?.Headline,
            alert?.SentUtc, alert?.RiskLevel ?? 0, contact.OrganizationId, contact.OrganizationName, contact.Name,
            ack?.At, ack?.Method, ack?.By, repeated);
    }
}
