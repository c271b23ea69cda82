namespace CivilDefense.Core.Alerts.Targeting;

public sealed partial class TargetingIndex
{
    /// <summary>
    /// Great-circle test (<see cref="GreatCircle"/>). On a sphere the farthest point of a
    /// latitude/longitude cell from any point outside it is one of its corners (distance along a
    /// parallel or a meridian has no interior maximum short of the antipode), so a cell whose four
    /// corners are within the radius is taken whole. A cell whose nearest point in degrees is
    /// farther than the radius plus 0.1 % is skipped: the clamped point is within a fraction of a
    /// metre of the true nearest one for cells of a kilometre, far less than that margin.
    /// Every other cell is tested point by point with the haversine.
    /// </summary>
    private void MarkCircle(AreaCircle circle, RecipientMarks marks)
    {
        if (_lat.Length == 0 || !(circle.RadiusKm >= 0))
        {
            return;
        }

        var (lat0, lon0) = (circle.Centre.Lat, circle.Centre.Lon);
        var cos0 = GreatCircle.CosLat(lat0);
        var limit = GreatCircle.HaversineOfDistance(circle.RadiusKm);
        var skipBeyond = GreatCircle.HaversineOfDistance((circle.RadiusKm * 1.001) + 1e-6);
        var dLat = (circle.RadiusKm / GreatCircle.EarthRadiusKm * 180 / Math.PI * 1.01) + _grid.Slack;
        var dLon = dLat / Math.Max(GreatCircle.CosLat(Math.Min(89.9, Math.Abs(lat0) + dLat)), 1e-6);
        var r0 = _grid.Row(lat0 - dLat);
        var r1 = _grid.Row(lat0 + dLat);
        var c0 = _grid.Col(lon0 - dLon);
        var c1 = _grid.Col(lon0 + dLon);
        for (var r = r0; r <= r1; r++)
        {
            var bottom = _grid.Bottom(r) - _grid.Slack;
            var top = _grid.Bottom(r + 1) + _grid.Slack;
            var nearestLat = Math.Clamp(lat0, bottom, top);
            var rowBase = r * _grid.Cols;
            for (var c = c0; c <= c1; c++)
            {
                var left = _grid.Left(c) - _grid.Slack;
                var right = _grid.Left(c + 1) + _grid.Slack;
                var start = _cellStart[rowBase + c];
                var end = _cellStart[rowBase + c + 1];
                if (start == end)
                {
                    continue;
                }

                if (Corner(bottom, left) <= limit && Corner(bottom, right) <= limit && Corner(top, left) <= limit && Corner(top, right) <= limit)
                {
                    marks.SetRange(start, end);
                    continue;
                }

                if (Corner(nearestLat, Math.Clamp(lon0, left, right)) > skipBeyond)
                {
                    continue;
                }

                for (var p = start; p < end; p++)
                {
                    if (GreatCircle.Haversine(lat0, lon0, cos0, _lat[p], _lon[p]) <= limit)
                    {
                        marks.Set(p);
                    }
                }
            }
        }

        double Corner(double lat, double lon) => GreatCircle.Haversine(lat0, lon0, cos0, lat, lon);
    }
}
