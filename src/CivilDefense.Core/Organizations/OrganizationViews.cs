namespace CivilDefense.Core.Organizations;

/// <summary>An organisation in a list: what a table row or CSV line shows.</summary>
public sealed record OrganizationSummary(
    int Id, int UnitId, string UnitName, OrganizationKind Kind, string Name, string? ShortName,
    string? Phone, string? Email, bool IsActive, int ContactCount, int Version);

/// <summary>A contact of an organisation.</summary>
public sealed record ContactView(int Id, int OrganizationId, string Name, string? Position, string? Phone, string? Email, bool IsDutyContact, int Version);

/// <summary>Everything the organisation page shows, with its contacts (duty contacts first).</summary>
public sealed record OrganizationDetails(
    int Id, int UnitId, string UnitName, string UnitPath, OrganizationKind Kind, string Name, string? ShortName,
    int? ParentOrganizationId, string? ParentOrganizationName, string? Address, string? Phone, string? Email,
    bool IsActive, int Version, IReadOnlyList<ContactView> Contacts);

/// <summary>Shared field rules of organisation and contact inputs, so API and pages agree.</summary>
public static class ContactFormats
{
    /// <summary>Digits with the separators Vietnamese numbers are written with: "0276 3822 123", "+84 276…", "(0276) 3822-123".</summary>
    public const string Phone = @"^[0-9+()\-. ]{3,30}$";
}
