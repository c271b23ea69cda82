using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>
/// Edits an organisation's descriptive fields. Its unit does not change here: an organisation
/// that moves is a new record, so plans that cite the old one stay truthful.
/// </summary>
public sealed class UpdateOrganization(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required] OrganizationKind Kind,
        [property: Required, StringLength(250, MinimumLength = 1)] string Name,
        [property: StringLength(50)] string? ShortName,
        int? ParentOrganizationId,
        [property: StringLength(500)] string? Address,
        [property: RegularExpression(ContactFormats.Phone)] string? Phone,
        [property: EmailAddress, StringLength(250)] string? Email);

    public async Task<Result<OrganizationDetails>> HandleAsync(int id, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return new NotFoundError("No such organisation.");
        }

        if (organization.Version != input.Version)
        {
            return new ConflictError();
        }

        if (input.ParentOrganizationId is { } parentId
            && (parentId == id || !await db.Organizations.AnyAsync(o => o.Id == parentId, ct)))
        {
            return ValidationError.ForField(nameof(Input.ParentOrganizationId), "The parent organisation does not exist or is this one.");
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(organization).Property(o => o.Version).OriginalValue = input.Version;
        organization.Kind = input.Kind;
        organization.Name = input.Name.Trim();
        organization.ShortName = CreateOrganization.Blank(input.ShortName);
        organization.ParentOrganizationId = input.ParentOrganizationId;
        organization.Address = CreateOrganization.Blank(input.Address);
        organization.Phone = CreateOrganization.Blank(input.Phone);
        organization.Email = CreateOrganization.Blank(input.Email);
        await db.SaveChangesAsync(ct);
        return (await new GetOrganization(db).HandleAsync(id, ct)).Value!;
    }
}
