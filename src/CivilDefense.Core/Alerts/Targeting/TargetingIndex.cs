namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// Finds the recipients of an alert area among all subscribers, in memory and without I/O.
/// Located subscribers sit in a uniform grid as struct arrays (latitude, longitude, id), sorted
/// by cell, row by row; a cell wholly inside a polygon or circle is taken as one range, and only
/// the points of cells an edge passes through are tested one by one. Subscribers are also listed
/// by commune code for geocode areas. The index is immutable: a change of the subscriber list
/// builds a new one (see <see cref="SubscriberIndexCache"/>), so any number of threads may query it.
/// </summary>
public sealed partial class TargetingIndex
{
    /// <summary>Average number of points a cell over the bounding box; chosen by the benchmark (bench/targeting).</summary>
    public const double DefaultPointsPerCell = 24;

    private readonly TargetingGrid _grid;
    private readonly int[] _cellStart;  // located positions of cell c: [_cellStart[c], _cellStart[c + 1])
    private readonly double[] _lat;     // by position, located subscribers only
    private readonly double[] _lon;
    private readonly int[] _ids;        // by position: located first, then those known by commune only
    private readonly Dictionary<string, (int Start, int End)> _communes;
    private readonly int[] _communePositions;

    private TargetingIndex(TargetingGrid grid, int[] cellStart, double[] lat, double[] lon, int[] ids, Dictionary<string, (int, int)> communes, int[] communePositions)
    {
        _grid = grid;
        _cellStart = cellStart;
        _lat = lat;
        _lon = lon;
        _ids = ids;
        _communes = communes;
        _communePositions = communePositions;
    }

    /// <summary>Subscribers in the index (located or known by commune).</summary>
    public int Count => _ids.Length;

    public int LocatedCount => _lat.Length;

    public double CellSizeDegrees => _grid.Cell;

    public static TargetingIndex Build(IReadOnlyCollection<SubscriberLocation> subscribers, double? cellSizeDegrees = null, double pointsPerCell = DefaultPointsPerCell)
    {
        var kept = subscribers.Where(s => s.CommuneCode is not null || HasLocation(s)).ToArray();
        var located = kept.Where(HasLocation).ToArray();
        foreach (var s in located)
        {
            if (s.Lat is < -90 or > 90 || s.Lon is < -180 or > 180)
            {
                throw new ArgumentException($"Subscriber {s.SubscriberId}: latitude {s.Lat} / longitude {s.Lon} out of range (is the order swapped?).", nameof(subscribers));
            }
        }

        var grid = located.Length == 0
            ? new TargetingGrid(0, 0, 1, 1, 1)
            : TargetingGrid.For(located.Min(s => s.Lon!.Value), located.Min(s => s.Lat!.Value), located.Max(s => s.Lon!.Value), located.Max(s => s.Lat!.Value), located.Length, pointsPerCell, cellSizeDegrees);

        // Counting sort by cell: the row-major order keeps every run of cells in a row contiguous.
        var cellOf = new int[located.Length];
        var cellStart = new int[(grid.Cols * grid.Rows) + 1];
        for (var i = 0; i < located.Length; i++)
        {
            cellOf[i] = (grid.Row(located[i].Lat!.Value) * grid.Cols) + grid.Col(located[i].Lon!.Value);
            cellStart[cellOf[i] + 1]++;
        }

        for (var c = 0; c < cellStart.Length - 1; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }

        var lat = new double[located.Length];
        var lon = new double[located.Length];
        var ids = new int[kept.Length];
        var next = cellStart[..^1];
        var byPosition = new SubscriberLocation[kept.Length];
        for (var i = 0; i < located.Length; i++)
        {
            var p = next[cellOf[i]]++;
            lat[p] = located[i].Lat!.Value;
            lon[p] = located[i].Lon!.Value;
            ids[p] = located[i].SubscriberId;
            byPosition[p] = located[i];
        }

        var tail = located.Length;
        foreach (var s in kept.Where(s => !HasLocation(s)))
        {
            ids[tail] = s.SubscriberId;
            byPosition[tail++] = s;
        }

        var (communes, communePositions) = ByCommune(byPosition);
        return new TargetingIndex(grid, cellStart, lat, lon, ids, communes, communePositions);
    }

    /// <summary>Every subscriber in the area, each once, in index order.</summary>
    public TargetingResult Find(AlertArea area)
    {
        var marks = new RecipientMarks(_ids.Length);
        foreach (var polygon in area.Polygons)
        {
            MarkPolygon(polygon, marks);
        }

        foreach (var circle in area.Circles)
        {
            MarkCircle(circle, marks);
        }

        foreach (var code in area.Geocodes)
        {
            if (_communes.TryGetValue(code, out var range))
            {
                for (var i = range.Start; i < range.End; i++)
                {
                    marks.Set(_communePositions[i]);
                }
            }
        }

        return new TargetingResult(marks.Select(_ids));
    }

    private static bool HasLocation(SubscriberLocation s) =>
        s.Lat is { } lat && s.Lon is { } lon && double.IsFinite(lat) && double.IsFinite(lon);

    private static (Dictionary<string, (int, int)>, int[]) ByCommune(SubscriberLocation[] byPosition)
    {
        var groups = Enumerable.Range(0, byPosition.Length)
            .Where(p => byPosition[p].CommuneCode is not null)
            .GroupBy(p => byPosition[p].CommuneCode!, StringComparer.Ordinal);
        var positions = new List<int>(byPosition.Length);
        var ranges = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var start = positions.Count;
            positions.AddRange(group);
            ranges[group.Key] = (start, positions.Count);
        }

        return (ranges, [.. positions]);
    }
}

/// <summary>The recipients of one area: subscriber ids, each once.</summary>
public sealed record TargetingResult(int[] SubscriberIds)
{
    public int Count => SubscriberIds.Length;
}
