namespace CivilDefense.Core.Geography;

/// <summary>A unit in a list: what a table row or tree node shows, without geometry.</summary>
public sealed record UnitSummary(
    int Id, string Code, int? ParentId, UnitKind Kind, int Level, string Name, string? NameEn, string FullName,
    int? Population, int? Households, double? AreaKm2, DateOnly? ValidFrom, DateOnly? ValidTo, int ChildCount, int Version);

/// <summary>One step of the breadcrumb from the actor's visible root to a unit.</summary>
public sealed record UnitCrumb(int Id, string Code, string Name);

/// <summary>A link between an old and a new unit of the 2025 reform.</summary>
public sealed record SuccessionLink(int UnitId, string Code, string Name, bool IsPartial, DateOnly EffectiveOn, string? Note);

/// <summary>Everything the unit page shows, boundary aside (it is fetched by the map).</summary>
public sealed record UnitDetails(
    int Id, string Code, int? ParentId, UnitKind Kind, int Level, string Name, string? NameEn, string FullName, string? FullNameEn,
    int? Population, int? PopulationYear, int? Households, double? AreaKm2, double? CentroidLat, double? CentroidLon,
    bool HasBoundary, DateOnly? ValidFrom, DateOnly? ValidTo, int Version,
    IReadOnlyList<UnitCrumb> Ancestors, int ChildCount, int OrganizationCount, int BoardCount,
    IReadOnlyList<SuccessionLink> Predecessors, IReadOnlyList<SuccessionLink> Successors);
