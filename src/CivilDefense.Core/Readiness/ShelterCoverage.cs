namespace CivilDefense.Core.Readiness;

/// <summary>A unit whose residents need shelter: population, centroid and (optionally) its boundary.</summary>
public sealed record CoverageArea(
    int UnitId,
    string Code,
    string Name,
    int Population,
    double? CentroidLat,
    double? CentroidLon,
    string? BoundaryGeoJson,
    double RequiredShare);

/// <summary>A shelter or civil-defense work with its places, wherever it lies (neighbouring units count).</summary>
public sealed record ShelterSite(int Id, int UnitId, double Lat, double Lon, int Capacity);

/// <summary>How many of a unit's residents reach a shelter place within the distance, and whether that is enough.</summary>
public sealed record UnitCoverage(
    int UnitId,
    string Code,
    string Name,
    int Population,
    int Covered,
    double CoveredShare,
    int PlacesInUnit,
    double RequiredShare,
    int DemandPoints)
{
    public bool IsShort => Population > 0 && CoveredShare < RequiredShare;

    /// <summary>Residents short of the required share.</summary>
    public int Shortfall => Math.Max(0, (int)Math.Ceiling((RequiredShare * Population) - Covered));
}

/// <summary>
/// Shelter coverage by the two-step floating catchment area method (2SFCA; Luo and Wang 2003):
/// each unit's population is spread evenly over a grid of points inside its boundary (its centroid
/// when it has none); step 1 gives each shelter a ratio of places to the residents within reach;
/// step 2 gives each point the sum of the ratios of the shelters it reaches, capped at one place
/// per resident. Unlike a greedy assignment the result does not depend on the order of units,
/// shelters of neighbouring units count automatically, and no more residents are covered than
/// there are places. Pairs within reach are found through a grid index with the distance as cell
/// size, so the work grows with points plus pairs, not points × shelters.
/// </summary>
public static class ShelterCoverage
{
    public const double DefaultDistanceKm = 2.0;

    /// <summary>Demand points per unit with a boundary (about: the grid is square over the bounding box).</summary>
    public const int PointsPerUnit = 64;

    public static IReadOnlyList<UnitCoverage> Compute(IReadOnlyList<CoverageArea> areas, IReadOnlyList<ShelterSite> shelters, double distanceKm)
    {
        if (distanceKm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(distanceKm), "The distance must be positive.");
        }

        var located = areas.Where(a => a.CentroidLat is not null || a.BoundaryGeoJson is not null).ToList();
        var referenceLat = located.Count > 0 ? located.Average(a => a.CentroidLat ?? 0) : 0;
        var projection = new LocalProjection(referenceLat);
        var points = new List<DemandPoint>();
        var pointCounts = new int[areas.Count];
        for (var a = 0; a < areas.Count; a++)
        {
            var before = points.Count;
            Spread(a, areas[a], projection, points);
            pointCounts[a] = points.Count - before;
        }

        var grid = new SpatialGrid(distanceKm);
        var sites = new (double X, double Y)[shelters.Count];
        for (var s = 0; s < shelters.Count; s++)
        {
            sites[s] = projection.ToKm(shelters[s].Lon, shelters[s].Lat);
            if (shelters[s].Capacity > 0)
            {
                grid.Add(s, sites[s].X, sites[s].Y);
            }
        }

        // Pairs (point, shelter) within reach, found once and used by both steps.
        var squared = distanceKm * distanceKm;
        var pairs = new List<(int Point, int Shelter)>();
        var demand = new double[shelters.Count];
        for (var p = 0; p < points.Count; p++)
        {
            foreach (var s in grid.Near(points[p].X, points[p].Y))
            {
                var dx = points[p].X - sites[s].X;
                var dy = points[p].Y - sites[s].Y;
                if ((dx * dx) + (dy * dy) <= squared)
                {
                    pairs.Add((p, s));
                    demand[s] += points[p].Population;
                }
            }
        }

        var access = new double[points.Count];
        foreach (var (p, s) in pairs)
        {
            access[p] += shelters[s].Capacity / demand[s];
        }

        var covered = new double[areas.Count];
        for (var p = 0; p < points.Count; p++)
        {
            covered[points[p].Area] += points[p].Population * Math.Min(1, access[p]);
        }

        var placesInUnit = shelters.GroupBy(s => s.UnitId).ToDictionary(g => g.Key, g => g.Sum(s => Math.Max(0, s.Capacity)));
        return areas.Select((area, a) =>
        {
            var coveredResidents = (int)Math.Min(area.Population, Math.Round(covered[a]));
            var share = area.Population > 0 ? Math.Round((double)coveredResidents / area.Population, 4) : 1;
            return new UnitCoverage(area.UnitId, area.Code, area.Name, area.Population, coveredResidents, share,
                placesInUnit.GetValueOrDefault(area.UnitId), area.RequiredShare, pointCounts[a]);
        }).ToList();
    }

    private readonly record struct DemandPoint(int Area, double X, double Y, double Population);

    /// <summary>Grid cell centres inside the boundary share the population equally; else the centroid has it all.</summary>
    private static void Spread(int index, CoverageArea area, LocalProjection projection, List<DemandPoint> points)
    {
        if (area.Population <= 0)
        {
            return;
        }

        var inside = new List<(double Lon, double Lat)>();
        if (BoundaryGeometry.TryParse(area.BoundaryGeoJson) is { } boundary)
        {
            var side = Math.Sqrt((boundary.MaxLon - boundary.MinLon) * (boundary.MaxLat - boundary.MinLat) / PointsPerUnit);
            if (side > 0)
            {
                for (var lat = boundary.MinLat + (side / 2); lat < boundary.MaxLat; lat += side)
                {
                    for (var lon = boundary.MinLon + (side / 2); lon < boundary.MaxLon; lon += side)
                    {
                        if (boundary.Contains(lon, lat))
                        {
                            inside.Add((lon, lat));
                        }
                    }
                }
            }
        }

        if (inside.Count == 0 && area.CentroidLat is { } cLat && area.CentroidLon is { } cLon)
        {
            inside.Add((cLon, cLat));
        }

        foreach (var (lon, lat) in inside)
        {
            var (x, y) = projection.ToKm(lon, lat);
            points.Add(new DemandPoint(index, x, y, (double)area.Population / inside.Count));
        }
    }
}
