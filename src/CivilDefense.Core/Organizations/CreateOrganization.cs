using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>Adds an organisation to a unit in scope; the write guard decides whether the actor may.</summary>
public sealed class CreateOrganization(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int UnitId,
        [property: Required] OrganizationKind Kind,
        [property: Required, StringLength(250, MinimumLength = 1)] string Name,
        [property: StringLength(50)] string? ShortName,
        int? ParentOrganizationId,
        [property: StringLength(500)] string? Address,
        [property: RegularExpression(ContactFormats.Phone)] string? Phone,
        [property: EmailAddress, StringLength(250)] string? Email);

    public async Task<Result<OrganizationDetails>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        // A unit out of scope is reported as missing, as reading it would be.
        if (!await db.Units.AnyAsync(u => u.Id == input.UnitId, ct))
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (input.ParentOrganizationId is { } parentId && !await db.Organizations.AnyAsync(o => o.Id == parentId, ct))
        {
            return ValidationError.ForField(nameof(Input.ParentOrganizationId), "The parent organisation does not exist.");
        }

        var organization = new Organization
        {
            UnitId = input.UnitId,
            Kind = input.Kind,
            Name = input.Name.Trim(),
            ShortName = Blank(input.ShortName),
            ParentOrganizationId = input.ParentOrganizationId,
            Address = Blank(input.Address),
            Phone = Blank(input.Phone),
            Email = Blank(input.Email),
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        return (await new GetOrganization(db).HandleAsync(organization.Id, ct)).Value!;
    }

    /// <summary>Forms post empty strings for empty fields; the database keeps those as null.</summary>
    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
