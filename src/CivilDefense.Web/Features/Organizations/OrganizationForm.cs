using CivilDefense.Core.Organizations;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>The organisation form's fields, shared by the new and details pages.</summary>
public sealed class OrganizationForm
{
    public int Version { get; set; }

    public OrganizationKind Kind { get; set; } = OrganizationKind.Other;

    public string Name { get; set; } = "";

    public string? ShortName { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>The contact form's fields.</summary>
public sealed class ContactForm
{
    public string Name { get; set; } = "";

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsDutyContact { get; set; }
}
