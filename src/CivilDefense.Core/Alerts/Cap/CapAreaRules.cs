using System.Xml.Linq;
using NetTopologySuite.Geometries;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The rules on each &lt;area&gt; (CAP 1.2 §3.2.4): polygon and circle syntax and geometry, vertical extent.</summary>
internal static class CapAreaRules
{
    private static readonly XNamespace Cap = CapAlert.Namespace;
    private static readonly GeometryFactory Factory = new();

    public static void Check(XElement area, Reporter report)
    {
        foreach (var polygon in area.Elements(Cap + "polygon"))
        {
            CheckPolygon(polygon, report);
        }

        foreach (var circle in area.Elements(Cap + "circle"))
        {
            CheckCircle(circle, report);
        }

        CheckAltitude(area, report);
    }

    private static void CheckPolygon(XElement element, Reporter report)
    {
        var points = CapText.ParsePoints(element.Value, out var problem);
        if (points is null)
        {
            report.Error(element, CapRules.PolygonFormat, $"{problem} A polygon is space-separated 'latitude,longitude' pairs.");
            return;
        }

        if (!CheckRange(element, points, report))
        {
            return;
        }

        if (points.Count < 4)
        {
            report.Error(element, CapRules.PolygonPoints, $"A polygon needs at least four points (three corners and the first repeated); this one has {points.Count}.");
            return;
        }

        if (points[0] != points[^1])
        {
            report.Error(element, CapRules.PolygonClosed, "The polygon is not closed: its last point must repeat the first.");
            return;
        }

        // A closed ring is simple when its only touching points are the shared first/last one.
        var ring = Factory.CreateLineString([.. points.Select(p => new Coordinate(p.Longitude, p.Latitude))]);
        if (!ring.IsSimple)
        {
            report.Error(element, CapRules.PolygonSelfIntersecting, "The polygon crosses or touches itself; receivers cannot tell inside from outside.");
        }
    }

    private static void CheckCircle(XElement element, Reporter report)
    {
        var circle = CapText.ParseCircle(element.Value, out var problem);
        if (circle is null)
        {
            report.Error(element, CapRules.CircleFormat, $"{problem} A circle is 'latitude,longitude radius' with the radius in kilometres.");
            return;
        }

        CheckRange(element, [circle.Center], report);
        if (circle.RadiusKm < 0)
        {
            report.Error(element, CapRules.CircleRadius, $"The radius {CapText.Number(circle.RadiusKm)} km is negative.");
        }
    }

    private static bool CheckRange(XElement element, IReadOnlyList<CapPoint> points, Reporter report)
    {
        var bad = points.FirstOrDefault(p => p.Latitude is < -90 or > 90 || p.Longitude is < -180 or > 180, new CapPoint(double.NaN, 0));
        if (double.IsNaN(bad.Latitude))
        {
            return true;
        }

        report.Error(element, CapRules.CoordinateRange, $"Point {CapText.Number(bad.Latitude)},{CapText.Number(bad.Longitude)} is outside latitude -90..90 / longitude -180..180 (CAP puts latitude first).");
        return false;
    }

    private static void CheckAltitude(XElement area, Reporter report)
    {
        var ceiling = area.Element(Cap + "ceiling");
        if (ceiling is null)
        {
            return;
        }

        var altitude = area.Element(Cap + "altitude");
        if (altitude is null)
        {
            report.Error(ceiling, CapRules.CeilingWithoutAltitude, "<ceiling> is only meaningful with <altitude>.");
        }
        else if (decimal.TryParse(altitude.Value.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var low)
            && decimal.TryParse(ceiling.Value.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var high)
            && high < low)
        {
            report.Error(ceiling, CapRules.CeilingBelowAltitude, $"<ceiling> {high} is below <altitude> {low}.");
        }
    }
}
