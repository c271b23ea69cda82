using CivilDefense.Core.Geography;
using CivilDefense.Core.Geography.Import;
using static CivilDefense.Core.Tests.Geography.Import.ParserTestText;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class VnUnitsJsonParserTests
{
    [Fact]
    public void Parse_DemoFile_Returns34ProvincesAnd3321Communes()
    {
        using var file = DemoData.Open("vn_units_2025.json");

        var result = VnUnitsJsonParser.Parse(file, rootCode: "VN");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(34, result.Rows.Count(r => r.ParentCode == "VN"));
        Assert.Equal(3321, result.Rows.Count(r => r.ParentCode != "VN"));
        Assert.Equal(96, result.Rows.Count(r => r.ParentCode == "80"));
        Assert.Contains(result.Rows, r => r.Kind == UnitKind.Municipality && r.Code == "01");
        Assert.Contains(result.Rows, r => r.Kind == UnitKind.SpecialZone);
    }

    [Fact]
    public void Parse_BrokenJson_ReportsLine()
    {
        var result = VnUnitsJsonParser.Parse(Stream("[\n {\"Code\": \"01\",\n \"Name\": }\n]"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("json", error.Field);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_DuplicateAndUnknownKind_ReportsEveryRecord()
    {
        const string json = """
            [{"Code":"80","Name":"Tây Ninh","FullName":"Tỉnh Tây Ninh","AdministrativeUnitFullName":"Tỉnh","Wards":[
              {"Code":"25459","Name":"Tân Ninh","FullName":"Phường Tân Ninh","ProvinceCode":"80","AdministrativeUnitFullName":"Phường"},
              {"Code":"25459","Name":"Tân Ninh 2","FullName":"Phường Tân Ninh 2","ProvinceCode":"80","AdministrativeUnitFullName":"Phường"},
              {"Code":"25460","Name":"X","FullName":"X","ProvinceCode":"80","AdministrativeUnitFullName":"Làng"}]}]
            """;

        var result = VnUnitsJsonParser.Parse(Stream(json));

        Assert.Contains(result.Errors, e => e is { Line: 3, Field: "code", Locator: "record" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Field: "AdministrativeUnitFullName" });
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_RootCodeNotKnown_ReportsUnknownParent()
    {
        const string json = """[{"Code":"80","Name":"Tây Ninh","AdministrativeUnitFullName":"Tỉnh","Wards":[]}]""";

        var result = VnUnitsJsonParser.Parse(Stream(json), knownCodes: []) with { };
        var withRoot = VnUnitsJsonParser.Parse(Stream(json.Replace("\"Wards\":[]", "\"Wards\":[{\"Code\":\"1\",\"Name\":\"A\",\"ProvinceCode\":\"81\",\"AdministrativeUnitFullName\":\"Xã\"}]")));

        Assert.True(result.IsSuccess);
        Assert.Contains(withRoot.Errors, e => e is { Line: 2, Field: "parent_code" });
        Assert.Contains(withRoot.Errors, e => e is { Line: 2, Field: "ProvinceCode" });
    }

    [Fact]
    public void Parse_Gzipped_ReadsTransparently()
    {
        var plain = File.ReadAllBytes(DemoData.PathOf("vn_units_2025.json"));
        using var zipped = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(zipped, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        zipped.Position = 0;
        Assert.Equal(3355, VnUnitsJsonParser.Parse(zipped).Rows.Count);
    }
}
