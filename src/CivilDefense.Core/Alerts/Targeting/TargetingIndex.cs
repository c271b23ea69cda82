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
    /// <summary>
    /// Average number of points a cell over the bounding box. Chosen with bench/targeting
    /// (BENCH_POINTS_PER_CELL): 8 halves the polygon time of 24 (fewer points tested one by one in
    /// the cells an edge crosses); 4 gains nothing more. 2,000,000 points in the demo province
    /// give cells of about 0.3 km.
    /// </summary>
    public const double DefaultPointsPerCell = 8;

    private readonly TargetingGrid _grid;
    private readonly int[] _cellStart;  // located positions of cell c: [_cellStart[c], _cellStart[c + 1])
    private readonly double[] _lat;     // by position, located subscribers only
    private readonly double[] _lon;
    private readonly int[] _ids;        // by position: located first, then those known by commune only
    private readonly Dictionary<string, (int Start, int End)> _communes; // a commune's runs: [Start, End) of the two arrays below
    private readonly int[] _runStart;   // runs of consecutive positions in one commune, so a geocode marks ranges, not points
    private readonly int[] _runEnd;

    private TargetingIndex(TargetingGrid grid, int[] cellStart, double[] lat, double[] lon, int[] ids, Dictionary<string, (int, int)> communes, (int[] Start, int[] End) runs)
    {
        _grid = grid;
        _cellStart = cellStart;
        _lat = lat;
        _lon = lon;
        _ids = ids;
        _communes = communes;
        (_runStart, _runEnd) = runs;
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
        var communeAt = new string?[kept.Length];
        for (var i = 0; i < located.Length; i++)
        {
            var p = next[cellOf[i]]++;
            lat[p] = located[i].Lat!.Value;
            lon[p] = located[i].Lon!.Value;
            ids[p] = located[i].SubscriberId;
            communeAt[p] = located[i].CommuneCode;
        }

        var tail = located.Length;
        foreach (var s in kept.Where(s => !HasLocation(s)))
        {
            ids[tail] = s.SubscriberId;
            communeAt[tail++] = s.CommuneCode;
        }

        var (communes, runs) = ByCommune(communeAt);
        return new TargetingIndex(grid, cellStart, lat, lon, ids, communes, runs);
    }

    /// <summary>Every subscriber in the area, each once, in index order.</summary>
    public TargetingResult Find(AlertArea area)
    {
        using var marks = new RecipientMarks(_ids.Length);
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
                    marks.SetRange(_runStart[i], _runEnd[i]);
                }
            }
        }

        return marks.Select(_ids);
    }

    private static bool HasLocation(SubscriberLocation s) =>
        s.Lat is { } lat && s.Lon is { } lon && double.IsFinite(lat) && double.IsFinite(lon);

    /// <summary>
    /// Positions grouped by commune code with a counting sort (one dictionary look-up per subscriber),
    /// each commune's ascending positions then cut into runs of consecutive ones: a cell inside one
    /// commune is a single run.
    /// </summary>
    private static (Dictionary<string, (int, int)>, (int[], int[])) ByCommune(string?[] communeAt)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinalOf = new int[communeAt.Length];
        var counts = new List<int>();
        for (var p = 0; p < communeAt.Length; p++)
        {
            if (communeAt[p] is not { } code)
            {
                ordinalOf[p] = -1;
                continue;
            }

            if (!ordinals.TryGetValue(code, out var ordinal))
            {
                ordinals[code] = ordinal = counts.Count;
                counts.Add(0);
            }

            ordinalOf[p] = ordinal;
            counts[ordinal]++;
        }

        var starts = new int[counts.Count + 1];
        for (var o = 0; o < counts.Count; o++)
        {
            starts[o + 1] = starts[o] + counts[o];
        }

        var next = starts[..^1];
        var positions = new int[starts[^1]];
        for (var p = 0; p < communeAt.Length; p++)
        {
            if (ordinalOf[p] >= 0)
            {
                positions[next[ordinalOf[p]]++] = p;
            }
        }

        var runStart = new List<int>();
        var runEnd = new List<int>();
        var ranges = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var (code, ordinal) in ordinals)
        {
            var first = runStart.Count;
            for (var i = starts[ordinal]; i < starts[ordinal + 1]; i++)
            {
                if (runStart.Count > first && runEnd[^1] == positions[i])
                {
                    runEnd[^1]++;
                }
                else
                {
                    runStart.Add(positions[i]);
                    runEnd.Add(positions[i] + 1);
                }
            }

            ranges[code] = (first, runStart.Count);
        }

        return (ranges, ([.. runStart], [.. runEnd]));
    }
}

/// <summary>
/// The recipients of one area: subscriber ids, each once, in a rented buffer. Dispose it when
/// read: a province-wide alert has hundreds of thousands of recipients, and a fresh large-object
/// array per alert made the query three times slower than its parts (bench/targeting).
/// </summary>
public sealed class TargetingResult : IDisposable
{
    private int[]? _rented;

    internal TargetingResult(int[] rented, int count)
    {
        _rented = rented;
        Count = count;
    }

    public int Count { get; }

    public ReadOnlySpan<int> SubscriberIds => (_rented ?? throw new ObjectDisposedException(nameof(TargetingResult))).AsSpan(0, Count);

    public int[] ToArray() => SubscriberIds.ToArray();

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }
}
