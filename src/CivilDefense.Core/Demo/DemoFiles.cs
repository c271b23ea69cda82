using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Demo;

/// <summary>The parsed demo files. Every file is parsed before anything is written, so a bad file changes nothing.</summary>
internal sealed record DemoFiles(
    IReadOnlyList<UnitRow> Units,
    IReadOnlyList<BoundaryRow> CommuneBoundaries,
    IReadOnlyList<BoundaryRow> ProvinceBoundary,
    IReadOnlyList<PopulationRow> Population,
    IReadOnlyList<CentroidRow> Centroids,
    IReadOnlyList<SuccessionRow> Mapping)
{
    public const string UnitsFile = "vn_units_2025.json";
    public const string CommuneBoundariesFile = "tay-ninh-communes.geojson.gz";
    public const string ProvinceBoundaryFile = "tay-ninh-province.geojson";
    public const string PopulationFile = "population2019_tayninh_2025.csv";
    public const string CentroidsFile = "centroids_tayninh_2025.csv";
    public const string SplitsFile = "mapping/splits.json";

    public static DemoFiles Load(string directory) => new(
        Parse(directory, UnitsFile, s => VnUnitsJsonParser.Parse(s, DemoSeeder.RootCode, validFrom: DemoSeeder.ReformDate)),
        Parse(directory, CommuneBoundariesFile, BoundaryGeoJsonParser.Parse),
        Parse(directory, ProvinceBoundaryFile, BoundaryGeoJsonParser.Parse),
        Parse(directory, PopulationFile, PopulationCsvParser.Parse),
        Parse(directory, CentroidsFile, CentroidsCsvParser.Parse),
        // splits.json alone suffices: it names each old commune's province, and its partial flags agree with merges.json.
        Parse(directory, SplitsFile, SuccessionMappingParser.Parse));

    private static IReadOnlyList<T> Parse<T>(string directory, string file, Func<Stream, ParseResult<T>> parse)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Demo file {file} is missing from {directory} (see data/demo and scripts/copy-demo-data.sh).", path);
        }

        using var stream = File.OpenRead(path);
        var result = parse(stream);
        return result.IsSuccess
            ? result.Rows
            : throw new InvalidDataException($"{file}: " + string.Join("; ", result.Errors.Take(10)));
    }
}
