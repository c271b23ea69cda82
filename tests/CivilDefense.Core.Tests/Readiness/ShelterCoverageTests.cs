using System.Globalization;
using CivilDefense.Core.Readiness;

namespace CivilDefense.Core.Tests.Readiness;

public sealed class ShelterCoverageTests
{
    private const double Lat = 11.0;

    /// <summary>Degrees of longitude per km at 11° N, by the same projection the algorithm uses.</summary>
    private static readonly double LonPerKm = 1 / (111.320 * Math.Cos(Lat * Math.PI / 180));

    private static CoverageArea Area(int id, int population, double eastKm, string? boundary = null, double requiredShare = 0.2) =>
        new(id, $"0000{id}", $"Xã {id}", population, Lat, 106 + (eastKm * LonPerKm), boundary, requiredShare);

    private static ShelterSite Shelter(int id, int unitId, double eastKm, int capacity) => new(id, unitId, Lat, 106 + (eastKm * LonPerKm), capacity);

    [Fact]
    public void Only_shelters_within_the_distance_count()
    {
        var result = Assert.Single(ShelterCoverage.Compute([Area(1, 1_000, 0)], [Shelter(1, 1, 1.5, 300), Shelter(2, 1, 2.5, 5_000)], 2));

        Assert.Equal((300, 0.3, 5_300, false), (result.Covered, result.CoveredShare, result.PlacesInUnit, result.IsShort));
    }

    [Fact]
    public void Places_reachable_from_two_communes_are_shared_in_proportion_to_their_residents()
    {
        // 2,000 places reached by 1,000 + 3,000 residents: ratio 0.5 each, so 500 and 1,500 covered.
        // Commune 3 (5 km away) reaches only commune 2's shelter at 4.5 km: not within 2 km.
        var result = ShelterCoverage.Compute(
            [Area(1, 1_000, 0), Area(2, 3_000, 1.5), Area(3, 800, 5)],
            [Shelter(1, 2, 0.8, 2_000)],
            2).ToDictionary(c => c.UnitId);

        Assert.Equal((500, 0, false), (result[1].Covered, result[1].PlacesInUnit, result[1].IsShort));
        Assert.Equal((1_500, 2_000, false), (result[2].Covered, result[2].PlacesInUnit, result[2].IsShort));
        Assert.Equal((0, 160, true), (result[3].Covered, result[3].Shortfall, result[3].IsShort));
    }

    [Fact]
    public void A_neighbours_shelter_covers_a_commune_without_its_own()
    {
        var result = ShelterCoverage.Compute([Area(1, 1_000, 0), Area(2, 100, 3)], [Shelter(1, 2, 1.8, 10_000)], 2).ToDictionary(c => c.UnitId);

        Assert.Equal((1_000, 1.0, 0), (result[1].Covered, result[1].CoveredShare, result[1].PlacesInUnit));
    }

    [Fact]
    public void A_boundary_spreads_the_population_over_points_inside_it()
    {
        // A 10 km square east of the origin: a shelter at its west edge reaches only the points within 2 km of it.
        static string F(double v) => v.ToString(CultureInfo.InvariantCulture);
        double west = 106, east = 106 + (10 * LonPerKm), south = Lat - (5 / 110.574), north = Lat + (5 / 110.574);
        var square = $$"""{"type":"Polygon","coordinates":[[[{{F(west)}},{{F(south)}}],[{{F(east)}},{{F(south)}}],[{{F(east)}},{{F(north)}}],[{{F(west)}},{{F(north)}}],[{{F(west)}},{{F(south)}}]]]}""";
        var area = Area(1, 64_000, 5, square);

        var result = Assert.Single(ShelterCoverage.Compute([area], [Shelter(1, 1, 0, 1_000_000)], 2));

        // An 8 × 8 grid of 1.25 km cells: centres 0.625 and 1.875 km from the west edge are within 2 km
        // of the shelter only near its row (|dy| small); the rest are not. Every point weighs 1,000.
        Assert.Equal(64, result.DemandPoints);
        Assert.InRange(result.Covered, 1_000, 8_000);
        Assert.Equal(0, result.Covered % 1_000);
    }

    [Fact]
    public void The_distance_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShelterCoverage.Compute([Area(1, 1, 0)], [], 0));

    [Fact]
    public void Point_in_polygon_respects_holes()
    {
        var ring = """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}""";
        var geometry = BoundaryGeometry.TryParse(ring)!;

        Assert.True(geometry.Contains(1, 1));
        Assert.False(geometry.Contains(5, 5));
        Assert.False(geometry.Contains(11, 5));
        Assert.Null(BoundaryGeometry.TryParse("not json"));
    }
}
