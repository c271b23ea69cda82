using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Organizations;

/// <summary>An organisation (cơ quan, tổ chức) attached to the administrative unit it serves.</summary>
public sealed class Organization : IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public OrganizationKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>Abbreviation as plans write it (UBND, BCHQS, BĐBP…).</summary>
    public string? ShortName { get; set; }

    public int? ParentOrganizationId { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public List<OrganizationContact> Contacts { get; set; } = [];
}
