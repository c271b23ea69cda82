namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// A point as CAP writes it: latitude first, then longitude (WGS84 degrees). The order is the
/// opposite of GeoJSON's, so every constructor call names its arguments where it could be misread.
/// </summary>
public readonly record struct GeoPoint(double Lat, double Lon);

/// <summary>
/// A polygon of an alert area: an outer ring and optional holes, each a closed or open list of
/// points (the closing point is optional). Inside means inside the outer ring and not inside a
/// hole (even-odd); a point on any edge or vertex counts as inside, as PostGIS's ST_Intersects does.
/// </summary>
public sealed record AreaPolygon(IReadOnlyList<GeoPoint> Outer, IReadOnlyList<IReadOnlyList<GeoPoint>>? Holes = null);

/// <summary>A CAP circle: centre and radius in kilometres (great-circle distance, see <see cref="GreatCircle"/>).</summary>
public sealed record AreaCircle(GeoPoint Centre, double RadiusKm);

/// <summary>
/// Where an alert applies, as targeting reads it: any number of polygons and circles, and the
/// official codes of administrative units (mã đơn vị hành chính) whose subscribers are all
/// addressed. A subscriber in several parts is one recipient. The CAP &lt;area&gt; maps onto this.
/// </summary>
public sealed record AlertArea(
    IReadOnlyList<AreaPolygon> Polygons,
    IReadOnlyList<AreaCircle> Circles,
    IReadOnlyList<string> Geocodes)
{
    public static AlertArea Of(IEnumerable<AreaPolygon>? polygons = null, IEnumerable<AreaCircle>? circles = null, IEnumerable<string>? geocodes = null) =>
        new([.. polygons ?? []], [.. circles ?? []], [.. geocodes ?? []]);
}

/// <summary>
/// What the index knows of one subscriber: an id, the home location if any, the commune code if
/// any. A subscriber without either can only be reached by a broadcast, never by an area.
/// </summary>
public readonly record struct SubscriberLocation(int SubscriberId, double? Lat, double? Lon, string? CommuneCode);
