using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// Shelter coverage of the communes under a unit (<see cref="ShelterCoverage"/>). Shelters are read
/// in a box around those communes widened by the distance, including neighbours outside the actor's
/// scope: residents walk to the nearest place whoever registered it, and only counts come back.
/// The required share of each commune is its applicable shelter_places_share norm (20 % without one).
/// </summary>
public sealed class GetShelterCoverage(PtdsDbContext db)
{
    public const double MaxDistanceKm = 50;
    public const double DefaultRequiredShare = 0.2;

    public async Task<Result<CoverageReport>> HandleAsync(int unitId, double? distanceKm, CancellationToken ct)
    {
        var distance = distanceKm ?? ShelterCoverage.DefaultDistanceKm;
        if (distance is <= 0 or > MaxDistanceKm || double.IsNaN(distance))
        {
            return ValidationError.ForField("distanceKm", $"The distance must be more than 0 and at most {MaxDistanceKm} km.");
        }

        if (await ReadinessScope.FindAsync(db, unitId, ct) is not { } unit)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var now = ReadinessScope.Now(db);
        var communes = await ReadinessScope.CommunesAsync(db, unit, DateOnly.FromDateTime(now), ct);
        var ids = communes.Select(c => c.Id).ToList();
        var boundaries = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Geometry = u.BoundarySimplified ?? u.Boundary })
            .ToDictionaryAsync(u => u.Id, u => u.Geometry, ct);
        var profiles = (await db.UnitHazardProfiles.AsNoTracking().Where(h => ids.Contains(h.UnitId)).Select(h => new { h.UnitId, h.Profile }).ToListAsync(ct))
            .ToLookup(h => h.UnitId, h => h.Profile);
        var norms = await ReadinessFacts.NormsAsync(db, DateOnly.FromDateTime(now), ct);
        var areas = communes.Select(c => new CoverageArea(c.Id, c.Code, c.Name, c.Population, c.CentroidLat, c.CentroidLon, boundaries.GetValueOrDefault(c.Id),
            RequiredShare(c, profiles[c.Id], norms))).ToList();

        var shelters = await SheltersNearAsync(areas, distance, ct);
        var result = ShelterCoverage.Compute(areas, shelters, distance)
            .OrderByDescending(c => c.IsShort).ThenBy(c => c.CoveredShare).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new CoverageReport(unit.Id, distance, result.Sum(c => (long)c.Population), result.Sum(c => (long)c.Covered), result.Count(c => c.IsShort), result);
    }

    private static double RequiredShare(ScoredUnit unit, IEnumerable<HazardProfile> profiles, List<(string OwnerPath, NormRule Rule)> norms)
    {
        var applicable = profiles.Append(HazardProfile.General).ToHashSet();
        var shares = norms
            .Where(n => n.Rule.MetricKey == "shelter_places_share" && applicable.Contains(n.Rule.Profile) && unit.Path.StartsWith(n.OwnerPath, StringComparison.Ordinal))
            .GroupBy(n => n.Rule.Profile)
            .Select(g => g.OrderByDescending(n => n.Rule.OwnerDepth).First().Rule.Target / 100.0)
            .ToList();
        return shares.Count == 0 ? DefaultRequiredShare : shares.Max();
    }

    private async Task<List<ShelterSite>> SheltersNearAsync(List<CoverageArea> areas, double distanceKm, CancellationToken ct)
    {
        var lats = areas.Where(a => a.CentroidLat is not null).Select(a => a.CentroidLat!.Value).ToList();
        var lons = areas.Where(a => a.CentroidLon is not null).Select(a => a.CentroidLon!.Value).ToList();
        if (lats.Count == 0)
        {
            return [];
        }

        // Centroids plus a margin for the commune's own extent (≈ 25 km) and the walking distance.
        var margin = (distanceKm + 25) / 110.0;
        double minLat = lats.Min() - margin, maxLat = lats.Max() + margin, minLon = lons.Min() - margin, maxLon = lons.Max() + margin;
        return await db.Shelters.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Condition != AssetCondition.Unusable && s.Capacity > 0 && s.Latitude != null && s.Longitude != null
                && s.Latitude >= minLat && s.Latitude <= maxLat && s.Longitude >= minLon && s.Longitude <= maxLon)
            .Select(s => new ShelterSite(s.Id, s.UnitId, s.Latitude!.Value, s.Longitude!.Value, s.Capacity))
            .ToListAsync(ct);
    }
}
