using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>What a contact form or request carries.</summary>
public sealed record ContactInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(200)] string? Position,
    [property: RegularExpression(ContactFormats.Phone)] string? Phone,
    [property: EmailAddress, StringLength(250)] string? Email,
    bool IsDutyContact);

/// <summary>Adds a contact to an organisation in scope (a liaison only to its own, per the write guard).</summary>
public sealed class AddContact(PtdsDbContext db)
{
    public async Task<Result<ContactView>> HandleAsync(int organizationId, ContactInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            return new NotFoundError("No such organisation.");
        }

        var contact = new OrganizationContact
        {
            OrganizationId = organizationId,
            Name = input.Name.Trim(),
            Position = CreateOrganization.Blank(input.Position),
            Phone = CreateOrganization.Blank(input.Phone),
            Email = CreateOrganization.Blank(input.Email),
            IsDutyContact = input.IsDutyContact,
        };
        db.OrganizationContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return ContactViews.Of(contact);
    }
}

/// <summary>Edits a contact; 409 when the client's version is stale.</summary>
public sealed class UpdateContact(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required, StringLength(200, MinimumLength = 1)] string Name,
        [property: StringLength(200)] string? Position,
        [property: RegularExpression(ContactFormats.Phone)] string? Phone,
        [property: EmailAddress, StringLength(250)] string? Email,
        bool IsDutyContact);

    public async Task<Result<ContactView>> HandleAsync(int organizationId, int contactId, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var contact = await db.OrganizationContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.OrganizationId == organizationId, ct);
        if (contact is null)
        {
            return new NotFoundError("No such contact.");
        }

        if (contact.Version != input.Version)
        {
            return new ConflictError();
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(contact).Property(c => c.Version).OriginalValue = input.Version;
        contact.Name = input.Name.Trim();
        contact.Position = CreateOrganization.Blank(input.Position);
        contact.Phone = CreateOrganization.Blank(input.Phone);
        contact.Email = CreateOrganization.Blank(input.Email);
        contact.IsDutyContact = input.IsDutyContact;
        await db.SaveChangesAsync(ct);
        return ContactViews.Of(contact);
    }
}

/// <summary>Removes a contact: a person who left is deleted, and the audit trail keeps what they were.</summary>
public sealed class RemoveContact(PtdsDbContext db)
{
    public async Task<Result<bool>> HandleAsync(int organizationId, int contactId, CancellationToken ct)
    {
        var contact = await db.OrganizationContacts.SingleOrDefaultAsync(c => c.Id == contactId && c.OrganizationId == organizationId, ct);
        if (contact is null)
        {
            return new NotFoundError("No such contact.");
        }

        db.OrganizationContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class ContactViews
{
    public static ContactView Of(OrganizationContact c) =>
        new(c.Id, c.OrganizationId, c.Name, c.Position, c.Phone, c.Email, c.IsDutyContact, c.Version);
}
