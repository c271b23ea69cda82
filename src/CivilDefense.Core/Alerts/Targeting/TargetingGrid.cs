namespace CivilDefense.Core.Alerts.Targeting;

/// <summary>
/// The uniform grid of the index in degrees (x = longitude, y = latitude): square cells, row-major,
/// so the points of a run of cells in one row sit next to each other in the index's arrays.
/// </summary>
internal readonly record struct TargetingGrid(double MinLon, double MinLat, double Cell, int Cols, int Rows)
{
    /// <summary>
    /// Cell edges are widened by this much when deciding which cells an edge or circle touches,
    /// so that rounding in <see cref="Col"/>/<see cref="Row"/> can never put a point in a cell
    /// that was judged wholly inside or outside when the point itself is not.
    /// </summary>
    public double Slack => Cell * 1e-7;

    public int Col(double lon) => Math.Clamp((int)Math.Floor((lon - MinLon) / Cell), 0, Cols - 1);

    public int Row(double lat) => Math.Clamp((int)Math.Floor((lat - MinLat) / Cell), 0, Rows - 1);

    public double Left(int col) => MinLon + (col * Cell);

    public double Bottom(int row) => MinLat + (row * Cell);

    /// <summary>Chooses the cell size from the data: about <paramref name="perCell"/> points a cell over the bounding box.</summary>
    public static TargetingGrid For(double minLon, double minLat, double maxLon, double maxLat, int points, double perCell, double? cell)
    {
        const int MaxPerAxis = 4096;
        var width = Math.Max(maxLon - minLon, 1e-9);
        var height = Math.Max(maxLat - minLat, 1e-9);
        var size = cell ?? Math.Sqrt(width * height * perCell / Math.Max(points, 1));
        size = Math.Max(size, Math.Max(width, height) / MaxPerAxis);
        var cols = (int)Math.Floor(width / size) + 1;
        var rows = (int)Math.Floor(height / size) + 1;
        return new TargetingGrid(minLon, minLat, size, cols, rows);
    }
}
