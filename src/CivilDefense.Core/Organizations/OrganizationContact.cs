using CivilDefense.Core.Common;

namespace CivilDefense.Core.Organizations;

/// <summary>A person or desk to reach at an organisation; the duty contact is called first.</summary>
public sealed class OrganizationContact : IVersioned
{
    public int Id { get; set; }

    public int OrganizationId { get; set; }

    public Organization Organization { get; set; } = null!;

    public required string Name { get; set; }

    public string? Position { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsDutyContact { get; set; }

    public int Version { get; set; }
}
