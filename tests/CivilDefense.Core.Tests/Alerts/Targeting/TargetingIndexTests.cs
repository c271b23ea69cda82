using CivilDefense.Core.Alerts.Targeting;

namespace CivilDefense.Core.Tests.Alerts.Targeting;

public sealed class TargetingIndexTests
{
    // A square 10..11 N, 106..107 E, written in CAP order (latitude first).
    private static readonly AreaPolygon Square = new([P(10, 106), P(10, 107), P(11, 107), P(11, 106), P(10, 106)]);

    [Fact]
    public void Find_PointsOnVerticesAndEdges_AreInside()
    {
        var index = Index(
            (1, 10, 106), (2, 10.5, 106), (3, 10, 106.5), (4, 11, 107), (5, 10.5, 106.5),
            (6, 9.999999, 106.5), (7, 10.5, 107.000001), (8, 12, 108));

        var found = index.Find(AlertArea.Of(polygons: [Square]));

        Assert.Equal([1, 2, 3, 4, 5], Sorted(found));
    }

    [Fact]
    public void Find_DiagonalEdge_PointExactlyOnIt_IsInside()
    {
        // Where latitude ≤ longitude: (1, 1) lies on the hypotenuse.
        var triangle = new AreaPolygon([P(0, 0), P(2, 2), P(0, 2)]);
        var index = Index((1, 1, 1), (2, 0.5, 1.5), (3, 1.5, 0.5), (4, 1, 1.000001));

        Assert.Equal([1, 2, 4], Sorted(index.Find(AlertArea.Of(polygons: [triangle]))));
    }

    [Fact]
    public void Find_LatitudeFirst_AsymmetricPolygonSelectsByLatitudeNotLongitude()
    {
        // A thin band 10.0-10.2 N across 106-108 E: swapping the order would make it 106-108 N.
        var band = new AreaPolygon([P(10.0, 106), P(10.0, 108), P(10.2, 108), P(10.2, 106)]);
        var index = Index((1, 10.1, 107), (2, 10.5, 106.1));

        Assert.Equal([1], Sorted(index.Find(AlertArea.Of(polygons: [band]))));
    }

    [Fact]
    public void Build_LongitudeGivenAsLatitude_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => TargetingIndex.Build([new SubscriberLocation(1, 106.7, 10.8, null)]));
        Assert.Contains("swapped", error.Message);
    }

    [Fact]
    public void Find_PolygonWithHole_LeavesTheHoleOutButItsEdgeIn()
    {
        var withHole = Square with { Holes = [[P(10.4, 106.4), P(10.4, 106.6), P(10.6, 106.6), P(10.6, 106.4)]] };
        var index = Index((1, 10.5, 106.5), (2, 10.4, 106.5), (3, 10.2, 106.2), (4, 10.59, 106.41));

        Assert.Equal([2, 3], Sorted(index.Find(AlertArea.Of(polygons: [withHole]))));
    }

    [Fact]
    public void Find_OverlappingPolygonsCircleAndGeocode_CountEachSubscriberOnce()
    {
        var index = TargetingIndex.Build(
        [
            new SubscriberLocation(1, 10.5, 106.5, "25459"),
            new SubscriberLocation(2, 10.6, 106.6, "25480"),
            new SubscriberLocation(3, null, null, "25459"), // known by commune only
            new SubscriberLocation(4, 12.0, 108.0, "99999"),
        ]);
        var area = AlertArea.Of(
            polygons: [Square, Square with { }],
            circles: [new AreaCircle(P(10.5, 106.5), 30)],
            geocodes: ["25459", "25459", "00000"]);

        var found = index.Find(area);

        Assert.Equal([1, 2, 3], Sorted(found));
        Assert.Equal(3, found.Count);
    }

    [Fact]
    public void Find_CircleAcrossManyCells_TakesPointsJustInsideAndLeavesThoseJustOutside()
    {
        var centre = P(10.8, 106.6);
        var points = new List<(int, double, double)>();
        var id = 0;
        for (var bearing = 0; bearing < 360; bearing += 15)
        {
            var inside = Destination(centre, bearing, 4.99);
            var outside = Destination(centre, bearing, 5.01);
            points.Add((++id, inside.Lat, inside.Lon));
            points.Add((-id, outside.Lat, outside.Lon));
        }

        // Cells of about 1.1 km: the circle covers whole cells inside and crosses many on its edge.
        var index = Index(0.01, [.. points]);

        var found = index.Find(AlertArea.Of(circles: [new AreaCircle(centre, 5)]));

        Assert.Equal(Enumerable.Range(1, id).ToArray(), Sorted(found));
    }

    [Fact]
    public void GreatCircle_OneDegreeOfLatitude_IsAbout111Km() =>
        Assert.Equal(111.195, GreatCircle.DistanceKm(P(10, 106), P(11, 106)), 2);

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, 0.002)]
    [InlineData(3, 0.05)]
    [InlineData(4, 1.0)]
    public void Find_RandomPointsAndAreas_MatchesTestingEveryPoint(int seed, double? cell)
    {
        var random = new Random(seed);
        var locations = Enumerable.Range(1, 20_000)
            .Select(i => new SubscriberLocation(i, 10 + random.NextDouble(), 106 + random.NextDouble(), "C" + (i % 50)))
            .ToList();
        var index = TargetingIndex.Build(locations, cell);
        for (var round = 0; round < 5; round++)
        {
            var polygon = Star(random, P(10 + random.NextDouble(), 106 + random.NextDouble()), 0.3, 40 + random.Next(300));
            var circle = new AreaCircle(P(10 + random.NextDouble(), 106 + random.NextDouble()), random.NextDouble() * 20);
            var codes = new[] { "C" + random.Next(50), "C" + random.Next(50) };

            var found = index.Find(AlertArea.Of(polygons: [polygon], circles: [circle], geocodes: codes));

            var expected = locations
                .Where(s => Naive.InPolygon(polygon, s.Lat!.Value, s.Lon!.Value)
                    || GreatCircle.DistanceKm(circle.Centre, P(s.Lat!.Value, s.Lon!.Value)) <= circle.RadiusKm
                    || codes.Contains(s.CommuneCode))
                .Select(s => s.SubscriberId)
                .Order()
                .ToArray();
            Assert.Equal(expected, Sorted(found));
        }
    }

    [Fact]
    public void Find_AreaOutsideEveryPoint_FindsNobody()
    {
        var index = Index((1, 10.5, 106.5));
        var far = new AreaPolygon([P(20, 100), P(20, 101), P(21, 101)]);

        Assert.Empty(index.Find(AlertArea.Of(polygons: [far], circles: [new AreaCircle(P(-30, 20), 50)])).ToArray());
    }

    private static GeoPoint P(double lat, double lon) => new(Lat: lat, Lon: lon);

    private static TargetingIndex Index(params (int Id, double Lat, double Lon)[] points) => Index(null, points);

    private static TargetingIndex Index(double? cell, params (int Id, double Lat, double Lon)[] points) =>
        TargetingIndex.Build([.. points.Select(p => new SubscriberLocation(p.Id, p.Lat, p.Lon, null))], cell);

    private static int[] Sorted(TargetingResult result) => [.. result.ToArray().Order()];

    /// <summary>A star-shaped polygon with a ragged edge: many edges cross cells at every angle.</summary>
    private static AreaPolygon Star(Random random, GeoPoint centre, double radius, int vertices) =>
        new([.. Enumerable.Range(0, vertices).Select(i =>
        {
            var angle = 2 * Math.PI * i / vertices;
            var r = radius * (0.4 + (0.6 * random.NextDouble()));
            return P(centre.Lat + (r * Math.Sin(angle)), centre.Lon + (r * Math.Cos(angle)));
        })]);

    /// <summary>The point at a distance and bearing on the same sphere as <see cref="GreatCircle"/>.</summary>
    private static GeoPoint Destination(GeoPoint from, double bearingDegrees, double km)
    {
        var d = km / GreatCircle.EarthRadiusKm;
        var b = bearingDegrees * Math.PI / 180;
        var lat1 = from.Lat * Math.PI / 180;
        var lon1 = from.Lon * Math.PI / 180;
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(d)) + (Math.Cos(lat1) * Math.Sin(d) * Math.Cos(b)));
        var lon2 = lon1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - (Math.Sin(lat1) * Math.Sin(lat2)));
        return P(lat2 * 180 / Math.PI, lon2 * 180 / Math.PI);
    }

    /// <summary>The textbook even-odd test over every edge, written apart from the index's.</summary>
    private static class Naive
    {
        public static bool InPolygon(AreaPolygon polygon, double lat, double lon)
        {
            var ring = polygon.Outer;
            var inside = false;
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (yi, xi, yj, xj) = (ring[i].Lat, ring[i].Lon, ring[j].Lat, ring[j].Lon);
                if ((yi > lat) != (yj > lat) && lon < ((xj - xi) * (lat - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }

            return inside;
        }
    }
}
