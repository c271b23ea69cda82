namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// Distances on a sphere of the WGS84 mean radius (R1 = (2a+b)/3 = 6,371,008.7714 m): the sphere
/// PostGIS uses for <c>ST_DWithin(geography, geography, d, false)</c>, so the benchmark can demand
/// the same recipients. The ellipsoid would move a 10 km circle's edge by up to about 30 m,
/// far below what an alert circle means; a flat local projection would differ from this by a few
/// metres at 10 km, enough to disagree about the points on the edge, so the haversine is used.
/// </summary>
public static class GreatCircle
{
    public const double EarthRadiusKm = 6371.0087714;

    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>The haversine of the central angle for a distance: distances compare through it without asin/sqrt.</summary>
    public static double HaversineOfDistance(double km)
    {
        var s = Math.Sin(km / EarthRadiusKm / 2);
        return s * s;
    }

    /// <summary>hav(θ) between two points; cosLat1 is passed in because a query reuses it for every point.</summary>
    public static double Haversine(double lat1, double lon1, double cosLat1, double lat2, double lon2)
    {
        var sinDLat = Math.Sin((lat2 - lat1) * DegreesToRadians / 2);
        var sinDLon = Math.Sin((lon2 - lon1) * DegreesToRadians / 2);
        return (sinDLat * sinDLat) + (cosLat1 * Math.Cos(lat2 * DegreesToRadians) * sinDLon * sinDLon);
    }

    public static double DistanceKm(GeoPoint a, GeoPoint b)
    {
        var h = Haversine(a.Lat, a.Lon, Math.Cos(a.Lat * DegreesToRadians), b.Lat, b.Lon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    public static double CosLat(double lat) => Math.Cos(lat * DegreesToRadians);
}
