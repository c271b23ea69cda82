using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// The boundary of one unit: the full geometry and a simplified one as GeoJSON geometry text, an
/// interior point (always inside, unlike a centroid of a concave unit), the area the source states
/// and the area of the polygon itself, so a misdrawn boundary shows as a mismatch.
/// </summary>
public sealed record BoundaryRow(
    string Code,
    string? Name,
    string Boundary,
    string BoundarySimplified,
    double InteriorLon,
    double InteriorLat,
    double? StatedAreaKm2,
    double PolygonAreaKm2);

/// <summary>
/// Reads a GeoJSON FeatureCollection of unit boundaries. The code is the feature <c>id</c> or
/// <c>properties.code</c>; the geometry must be a valid Polygon or MultiPolygon. Errors name the
/// 1-based feature number.
/// </summary>
public static class BoundaryGeoJsonParser
{
    /// <summary>About 55 m at these latitudes: invisible at commune zoom, and it shrinks a province of communes about tenfold.</summary>
    public const double SimplifyTolerance = 0.0005;

    /// <summary>Five decimals of a degree is about a metre, finer than the simplified lines.</summary>
    private static readonly PrecisionModel FiveDecimals = new(100_000);

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static ParseResult<BoundaryRow> Parse(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ImportInput.Decompress(stream));
        }
        catch (JsonException ex)
        {
            return ParseResult<BoundaryRow>.Failed(new ImportError((int)(ex.LineNumber ?? 0) + 1, "json", ex.Message.Split(" Path:")[0]));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                return ParseResult<BoundaryRow>.Failed(new ImportError(1, "type", "expected a FeatureCollection with features", "feature"));
            }

            var errors = new List<ImportError>();
            var rows = new List<BoundaryRow>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                number++;
                var before = errors.Count;
                var row = Read(feature, number, errors);
                if (row is not null && !seen.Add(row.Code))
                {
                    errors.Add(new ImportError(number, "id", $"duplicate code {row.Code}", "feature"));
                }
                else if (row is not null && errors.Count == before)
                {
                    rows.Add(row);
                }
            }

            return ParseResult<BoundaryRow>.From(rows, errors);
        }
    }

    private static BoundaryRow? Read(JsonElement feature, int number, List<ImportError> errors)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ImportError(number, "feature", "expected an object", "feature"));
            return null;
        }

        var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var code = IdText(feature, "id") ?? (properties.ValueKind == JsonValueKind.Object ? IdText(properties, "code") : null);
        if (code is null)
        {
            errors.Add(new ImportError(number, "id", "missing code (feature id or properties.code)", "feature"));
        }

        var name = properties.ValueKind == JsonValueKind.Object ? IdText(properties, "fullName") ?? IdText(properties, "name") : null;
        double? statedArea = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty("areaKm2", out var a) && a.ValueKind == JsonValueKind.Number
            ? a.GetDouble()
            : null;

        if (!feature.TryGetProperty("geometry", out var geometryJson) || geometryJson.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ImportError(number, "geometry", "missing geometry", "feature"));
            return null;
        }

        Geometry? geometry;
        try
        {
            geometry = geometryJson.Deserialize<Geometry>(GeoJson);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            errors.Add(new ImportError(number, "geometry", "unreadable geometry: " + ex.Message.Split(" Path:")[0], "feature"));
            return null;
        }

        if (geometry is not (Polygon or MultiPolygon))
        {
            errors.Add(new ImportError(number, "geometry", $"expected Polygon or MultiPolygon, found {geometry?.GeometryType ?? "nothing"}", "feature"));
            return null;
        }

        if (geometry.IsEmpty)
        {
            errors.Add(new ImportError(number, "geometry", "empty geometry", "feature"));
            return null;
        }

        var validity = new NetTopologySuite.Operation.Valid.IsValidOp(geometry);
        if (!validity.IsValid)
        {
            var problem = validity.ValidationError;
            errors.Add(new ImportError(number, "geometry",
                $"invalid polygon: {problem.Message} at {problem.Coordinate.X.ToString(CultureInfo.InvariantCulture)} {problem.Coordinate.Y.ToString(CultureInfo.InvariantCulture)}", "feature"));
            return null;
        }

        if (code is null)
        {
            return null;
        }

        var simplified = GeometryPrecisionReducer.Reduce(TopologyPreservingSimplifier.Simplify(geometry, SimplifyTolerance), FiveDecimals);
        var interior = geometry.InteriorPoint;
        return new BoundaryRow(code, name, JsonSerializer.Serialize(geometry, GeoJson), JsonSerializer.Serialize(simplified, GeoJson),
            Math.Round(interior.X, 6), Math.Round(interior.Y, 6), statedArea, Math.Round(AreaKm2(geometry), 2));
    }

    /// <summary>Area of a WGS84 polygon on a local equirectangular projection: within a fraction of a percent for a commune or province.</summary>
    public static double AreaKm2(Geometry geometry)
    {
        var latitude = geometry.EnvelopeInternal.Centre.Y * Math.PI / 180;
        return geometry.Area * 110.574 * 111.320 * Math.Cos(latitude);
    }

    private static string? IdText(JsonElement e, string property) =>
        !e.TryGetProperty(property, out var v) ? null
        : v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim()
        : v.ValueKind == JsonValueKind.Number ? v.GetRawText()
        : null;
}
