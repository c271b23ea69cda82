using CivilDefense.Core.Geography.Import;
using Xunit.Abstractions;
using static CivilDefense.Core.Tests.Geography.Import.ParserTestText;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class BoundaryGeoJsonParserTests(ITestOutputHelper output)
{
    private const string Square = "[[[106,11],[106.1,11],[106.1,11.1],[106,11.1],[106,11]]]";

    [Fact]
    public void Parse_DemoCommunes_Returns96ValidBoundaries()
    {
        using var file = DemoData.Open("tay-ninh-communes.geojson.gz");

        var result = BoundaryGeoJsonParser.Parse(file);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(96, result.Rows.Count);
        Assert.All(result.Rows, r => Assert.True(r.BoundarySimplified.Length < r.Boundary.Length));
    }

    /// <summary>
    /// The shared README reports a misdrawn shared boundary (Xã Cần Giuộc / Xã Mỹ Lộc). The polygons
    /// are valid, so the import accepts them; this test documents how far their areas are off.
    /// </summary>
    [Fact]
    public void Parse_DemoCommunes_KnownDefectShowsAsAreaMismatch()
    {
        using var file = DemoData.Open("tay-ninh-communes.geojson.gz");
        var rows = BoundaryGeoJsonParser.Parse(file).Rows;

        var mismatched = rows.Where(r => r.StatedAreaKm2 is > 0 && Math.Abs(r.PolygonAreaKm2 - r.StatedAreaKm2.Value) / r.StatedAreaKm2.Value > 0.10).ToList();
        foreach (var r in mismatched)
        {
            output.WriteLine($"{r.Code} {r.Name}: polygon {r.PolygonAreaKm2} km², stated {r.StatedAreaKm2} km²");
        }

        Assert.Contains(mismatched, r => r.Name == "Xã Cần Giuộc");
        Assert.Contains(mismatched, r => r.Name == "Xã Mỹ Lộc");
    }

    [Fact]
    public void Parse_ProvinceOutline_ReturnsOneBoundary()
    {
        using var file = DemoData.Open("tay-ninh-province.geojson");

        var row = Assert.Single(BoundaryGeoJsonParser.Parse(file).Rows);

        Assert.Equal("80", row.Code);
    }

    [Fact]
    public void Parse_SelfIntersectingBowtie_ReportsFeatureAndGeometry()
    {
        var json = $$$"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"1","properties":{},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}},
             {"type":"Feature","id":"2","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}}]}
            """;

        var result = BoundaryGeoJsonParser.Parse(Stream(json));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "geometry", "feature"), (error.Line, error.Field, error.Locator));
        Assert.Contains("invalid polygon", error.Message);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_PointGeometry_ReportsNonPolygon()
    {
        const string json = """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"5"},"geometry":{"type":"Point","coordinates":[106,11]}}]}""";

        var error = Assert.Single(BoundaryGeoJsonParser.Parse(Stream(json)).Errors);

        Assert.Equal((1, "geometry"), (error.Line, error.Field));
        Assert.Contains("Point", error.Message);
    }

    [Fact]
    public void Parse_MissingCodeAndDuplicate_ReportsEachFeature()
    {
        var json = $$$"""
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"1","properties":{},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}},
             {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}},
             {"type":"Feature","properties":{"code":"1"},"geometry":{"type":"Polygon","coordinates":{{{Square}}}}}]}
            """;

        var result = BoundaryGeoJsonParser.Parse(Stream(json));

        Assert.Contains(result.Errors, e => e is { Line: 2, Field: "id" });
        Assert.Contains(result.Errors, e => e is { Line: 3, Field: "id" } && e.Message.Contains("duplicate"));
    }

    [Fact]
    public void Parse_BrokenJson_ReportsLine()
    {
        var error = Assert.Single(BoundaryGeoJsonParser.Parse(Stream("{\"type\":\n\"FeatureCollection\",\n\"features\": [ }")).Errors);

        Assert.Equal((3, "json"), (error.Line, error.Field));
    }
}
