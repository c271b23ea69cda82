using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography.Import;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>What a duty-contact import did, or every problem that stopped it (then nothing was written).</summary>
public sealed record DutyContactImportReport(int Created, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;
}

/// <summary>
/// Imports organisations' duty contacts from CSV, all or nothing. Columns: organization_id, name,
/// contact_order (1-3), phone, email, webhook_url, language (vi/en/km, default vi), duty_officer
/// (yes/no). A contact of an organisation and order that already exists (and is not unsubscribed)
/// is updated in place, so the list of an organisation can be re-sent whole after a change of staff.
/// </summary>
public sealed class ImportDutyContacts(PtdsDbContext db)
{
    public static readonly string[] Columns = ["organization_id", "name", "contact_order", "phone", "email", "webhook_url", "language", "duty_officer"];

    public async Task<DutyContactImportReport> HandleAsync(TextReader csv, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        var table = CsvTable.Read(csv, ["organization_id", "name", "contact_order"], errors);
        if (table is null)
        {
            return new DutyContactImportReport(0, 0, errors);
        }

        var organizationIds = table.Rows.Select(r => int.TryParse(r["organization_id"], out var id) ? id : 0).Distinct().ToList();
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Unit.Path }).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var existing = await db.Subscribers
            .Where(s => s.Kind == SubscriberKind.DutyContact && s.OrganizationId != null && organizationIds.Contains(s.OrganizationId.Value) && s.Status != SubscriberStatus.Unsubscribed)
            .ToListAsync(ct);
        var seen = new Dictionary<(int, int), int>();
        var planned = new List<(SubscriberInput Input, Subscriber Target, bool IsNew)>();
        foreach (var row in table.Rows)
        {
            var before = errors.Count;
            var organizationId = row.Integer("organization_id", errors);
            var order = row.Integer("contact_order", errors);
            var dutyOfficer = YesNo(row, errors);
            var input = new SubscriberInput(
                SubscriberKind.DutyContact, row.Required("name", errors) ?? "", row["phone"], row["email"],
                row["language"] ?? SubscriberLanguages.Vietnamese, OrganizationId: organizationId, ContactOrder: order,
                IsDutyOfficer: dutyOfficer, WebhookUrl: row["webhook_url"]);
            if (errors.Count > before || organizationId is not { } orgId || order is not { } contactOrder)
            {
                continue;
            }

            if (!organizations.TryGetValue(orgId, out var path))
            {
                errors.Add(new ImportError(row.Line, "organization_id", $"no organisation {orgId} in your scope"));
                continue;
            }

            if (!AccessPolicy.CanWrite(db.Actor, Resource.Subscribers, path, orgId))
            {
                errors.Add(new ImportError(row.Line, "organization_id", $"you may not change the contacts of organisation {orgId}"));
                continue;
            }

            if (seen.TryGetValue((orgId, contactOrder), out var firstLine))
            {
                errors.Add(new ImportError(row.Line, "contact_order", $"organisation {orgId} already has contact {contactOrder} on line {firstLine}"));
                continue;
            }

            seen[(orgId, contactOrder)] = row.Line;
            var current = existing.FirstOrDefault(s => s.OrganizationId == orgId && s.ContactOrder == contactOrder);
            var target = current ?? new Subscriber { Name = "", Origin = SubscriberOrigin.Import, Status = SubscriberStatus.Active, CreatedAt = db.Clock.GetUtcNow().UtcDateTime };
            if (await input.ApplyToAsync(db, target, ct) is { } error)
            {
                foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]> { ["row"] = [error.Message] })
                {
                    errors.AddRange(messages.Select(m => new ImportError(row.Line, ColumnOf(field), m)));
                }

                continue;
            }

            planned.Add((input, target, current is null));
        }

        if (errors.Count > 0)
        {
            // Rows already applied to tracked records must not reach a later save.
            db.ChangeTracker.Clear();
            return new DutyContactImportReport(0, 0, [.. errors.OrderBy(e => e.Line)]);
        }

        foreach (var (_, target, isNew) in planned)
        {
            if (isNew)
            {
                target.ConfirmedAt = target.CreatedAt;
                db.Subscribers.Add(target);
            }
        }

        await db.SaveChangesAsync(ct);
        return new DutyContactImportReport(planned.Count(p => p.IsNew), planned.Count(p => !p.IsNew), []);
    }

    private static bool YesNo(CsvTableRow row, List<ImportError> errors)
    {
        switch (row["duty_officer"]?.ToLowerInvariant())
        {
            case null or "no" or "false" or "0" or "không":
                return false;
            case "yes" or "true" or "1" or "có":
                return true;
            default:
                errors.Add(new ImportError(row.Line, "duty_officer", $"'{row["duty_officer"]}' is not yes or no"));
                return false;
        }
    }

    /// <summary>Input property names back to the file's column names, so errors name what the user sees.</summary>
    private static string ColumnOf(string field) => field switch
    {
        nameof(SubscriberInput.OrganizationId) => "organization_id",
        nameof(SubscriberInput.ContactOrder) => "contact_order",
        nameof(SubscriberInput.WebhookUrl) => "webhook_url",
        nameof(SubscriberInput.IsDutyOfficer) => "duty_officer",
        "" => "row",
        _ => field.ToLowerInvariant(),
    };
}
