namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>The edges of a polygon's rings (outer and holes) as flat arrays, with the point test.</summary>
internal sealed class PolygonEdges
{
    private readonly double[] _x1;
    private readonly double[] _y1;
    private readonly double[] _x2;
    private readonly double[] _y2;

    private PolygonEdges(List<(double, double, double, double)> edges)
    {
        Count = edges.Count;
        _x1 = [.. edges.Select(e => e.Item1)];
        _y1 = [.. edges.Select(e => e.Item2)];
        _x2 = [.. edges.Select(e => e.Item3)];
        _y2 = [.. edges.Select(e => e.Item4)];
        if (Count > 0)
        {
            MinX = Math.Min(_x1.Min(), _x2.Min());
            MaxX = Math.Max(_x1.Max(), _x2.Max());
            MinY = Math.Min(_y1.Min(), _y2.Min());
            MaxY = Math.Max(_y1.Max(), _y2.Max());
        }
    }

    public int Count { get; }

    public double MinX { get; }

    public double MaxX { get; }

    public double MinY { get; }

    public double MaxY { get; }

    public (double X1, double Y1, double X2, double Y2) this[int e] => (_x1[e], _y1[e], _x2[e], _y2[e]);

    /// <summary>Rings are closed here if the caller left them open; rings of fewer than three points enclose nothing and are skipped.</summary>
    public static PolygonEdges From(AreaPolygon polygon)
    {
        var edges = new List<(double, double, double, double)>();
        foreach (var ring in (IEnumerable<IReadOnlyList<GeoPoint>>)[polygon.Outer, .. polygon.Holes ?? []])
        {
            var open = ring.Count > 1 && ring[0] == ring[^1] ? ring.Count - 1 : ring.Count;
            if (open < 3)
            {
                continue;
            }

            for (var i = 0; i < open; i++)
            {
                var a = ring[i];
                var b = ring[(i + 1) % open];
                edges.Add((a.Lon, a.Lat, b.Lon, b.Lat));
            }
        }

        return new PolygonEdges(edges);
    }

    /// <summary>
    /// Even-odd ray casting over the given edges (those reaching the point's row: no other edge
    /// can cross its horizontal ray). A point on an edge or vertex is inside.
    /// </summary>
    public bool Contains(double x, double y, List<int> candidates)
    {
        var inside = false;
        foreach (var e in candidates)
        {
            double x1 = _x1[e], y1 = _y1[e], x2 = _x2[e], y2 = _y2[e];
            if (y >= Math.Min(y1, y2) && y <= Math.Max(y1, y2) && x >= Math.Min(x1, x2) && x <= Math.Max(x1, x2)
                && ((x2 - x1) * (y - y1)) - ((y2 - y1) * (x - x1)) == 0)
            {
                return true;
            }

            if ((y1 > y) != (y2 > y) && x < x1 + ((y - y1) * (x2 - x1) / (y2 - y1)))
            {
                inside = !inside;
            }
        }

        return inside;
    }
}
