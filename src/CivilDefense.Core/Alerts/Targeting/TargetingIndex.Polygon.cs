namespace CivilDefense.Core.Alerts.Targeting;

public sealed partial class TargetingIndex
{
    /// <summary>
    /// Planar test in degrees (x = longitude, y = latitude), as PostGIS's ST_Intersects on a
    /// geometry in EPSG:4326 does. For each grid row in the polygon's box: the edges that reach
    /// the row, the cells they pass through (boundary cells, tested point by point), and between
    /// them runs of cells that no edge touches, which are wholly inside or wholly outside: one
    /// test of a run's first centre decides the run, and an inside run is marked as one range.
    /// </summary>
    private void MarkPolygon(AreaPolygon polygon, RecipientMarks marks)
    {
        var edges = PolygonEdges.From(polygon);
        if (edges.Count == 0 || _lat.Length == 0)
        {
            return;
        }

        var slack = _grid.Slack;
        var r0 = _grid.Row(edges.MinY - slack);
        var r1 = _grid.Row(edges.MaxY + slack);
        var c0 = _grid.Col(edges.MinX - slack);
        var c1 = _grid.Col(edges.MaxX + slack);
        var width = c1 - c0 + 1;
        var rowEdges = new List<int>[r1 - r0 + 1];
        var boundary = new bool[rowEdges.Length * width];
        for (var e = 0; e < edges.Count; e++)
        {
            var (x1, y1, x2, y2) = edges[e];
            var ra = _grid.Row(Math.Min(y1, y2) - slack);
            var rb = _grid.Row(Math.Max(y1, y2) + slack);
            for (var r = ra; r <= rb; r++)
            {
                (rowEdges[r - r0] ??= []).Add(e);
                var (xa, xb) = ClipToBand(x1, y1, x2, y2, _grid.Bottom(r) - slack, _grid.Bottom(r + 1) + slack);
                for (var c = _grid.Col(xa - slack); c <= _grid.Col(xb + slack); c++)
                {
                    boundary[((r - r0) * width) + c - c0] = true;
                }
            }
        }

        for (var r = r0; r <= r1; r++)
        {
            var inRow = rowEdges[r - r0];
            if (inRow is null)
            {
                continue; // no edge reaches this row: the polygon's box does, but the polygon does not
            }

            var rowBase = r * _grid.Cols;
            var centreY = _grid.Bottom(r) + (_grid.Cell / 2);
            var c = c0;
            while (c <= c1)
            {
                if (boundary[((r - r0) * width) + c - c0])
                {
                    for (var p = _cellStart[rowBase + c]; p < _cellStart[rowBase + c + 1]; p++)
                    {
                        if (edges.Contains(_lon[p], _lat[p], inRow))
                        {
                            marks.Set(p);
                        }
                    }

                    c++;
                    continue;
                }

                var runEnd = c;
                while (runEnd + 1 <= c1 && !boundary[((r - r0) * width) + runEnd + 1 - c0])
                {
                    runEnd++;
                }

                if (edges.Contains(_grid.Left(c) + (_grid.Cell / 2), centreY, inRow))
                {
                    marks.SetRange(_cellStart[rowBase + c], _cellStart[rowBase + runEnd + 1]);
                }

                c = runEnd + 1;
            }
        }
    }

    /// <summary>The x-extent of the part of a segment between two latitudes (the whole segment when it is level).</summary>
    private static (double, double) ClipToBand(double x1, double y1, double x2, double y2, double bottom, double top)
    {
        if (y1 == y2)
        {
            return (Math.Min(x1, x2), Math.Max(x1, x2));
        }

        var ta = Math.Clamp((bottom - y1) / (y2 - y1), 0, 1);
        var tb = Math.Clamp((top - y1) / (y2 - y1), 0, 1);
        var xa = x1 + (ta * (x2 - x1));
        var xb = x1 + (tb * (x2 - x1));
        return (Math.Min(xa, xb), Math.Max(xa, xb));
    }
}
