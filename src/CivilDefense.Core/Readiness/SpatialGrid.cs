namespace CivilDefense.Core.Readiness;

/// <summary>
/// A uniform grid over planar points (kilometres): with the cell size equal to the search radius,
/// the points within the radius of any spot lie in its own and the eight surrounding cells, so a
/// radius query touches only nearby points instead of all of them.
/// </summary>
public sealed class SpatialGrid(double cellSizeKm)
{
    private readonly Dictionary<(int, int), List<int>> _cells = [];

    public void Add(int item, double x, double y)
    {
        var key = CellOf(x, y);
        if (!_cells.TryGetValue(key, out var list))
        {
            _cells[key] = list = [];
        }

        list.Add(item);
    }

    /// <summary>Items in the 3×3 cells around (x, y): a superset of those within one cell size.</summary>
    public IEnumerable<int> Near(double x, double y)
    {
        var (cx, cy) = CellOf(x, y);
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (_cells.TryGetValue((cx + dx, cy + dy), out var list))
                {
                    foreach (var item in list)
                    {
                        yield return item;
                    }
                }
            }
        }
    }

    private (int, int) CellOf(double x, double y) => ((int)Math.Floor(x / cellSizeKm), (int)Math.Floor(y / cellSizeKm));
}

/// <summary>
/// Longitude and latitude to kilometres on a plane tangent at a reference latitude
/// (equirectangular): under 0.5 % error over a province, which a walking distance tolerates.
/// </summary>
public readonly record struct LocalProjection(double ReferenceLat)
{
    private const double KmPerDegreeLat = 110.574;
    private const double KmPerDegreeLonAtEquator = 111.320;

    public (double X, double Y) ToKm(double lon, double lat) =>
        (lon * KmPerDegreeLonAtEquator * Math.Cos(ReferenceLat * Math.PI / 180), lat * KmPerDegreeLat);
}
