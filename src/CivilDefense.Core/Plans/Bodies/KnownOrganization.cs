using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Plans.Bodies;

/// <summary>
/// An organisation of the registry as the resolver sees it. <see cref="UnitLevel"/> follows
/// <c>UnitLevels.LevelOf</c>: 1 province, 2 district, 3 commune. <see cref="UnitName"/> is the
/// unit's name with or without its kind ("Tây Ninh" or "tỉnh Tây Ninh"): names in plans often
/// leave it out. <see cref="UnitPath"/> ("/1/2/57/") lets group phrases expand to the plan's own
/// subtree; without it groups expand over the whole registry.
/// </summary>
public sealed record KnownOrganization(
    int Id,
    string Name,
    string? ShortName,
    OrganizationKind Kind,
    int UnitId,
    int UnitLevel,
    string UnitName,
    string? UnitPath = null);
