using CivilDefense.Core.Geography.Import;
using static CivilDefense.Core.Tests.Geography.Import.ParserTestText;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class SuccessionMappingParserTests
{
    [Fact]
    public void Parse_Splits_CorrectsVinhThanhAndFlagsPartials()
    {
        using var file = DemoData.Open("mapping/splits.json");

        var result = SuccessionMappingParser.Parse(file);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var tayNinh = result.Rows.Where(r => r.Level == 3 && r.NewProvinceCode == "80").ToList();
        Assert.Equal(280, tayNinh.Select(r => r.OldCode).Distinct().Count());
        Assert.Equal(43, tayNinh.Count(r => r.IsPartial));
        var fixedRow = Assert.Single(tayNinh, r => r.OldCode == "27739");
        Assert.Equal("27721", fixedRow.NewCode);
        Assert.NotNull(fixedRow.Note);
    }

    [Fact]
    public void Parse_Merges_AgreesWithSplitsForTayNinh()
    {
        using var merges = DemoData.Open("mapping/merges.json");
        using var splits = DemoData.Open("mapping/splits.json");

        var fromMerges = SuccessionMappingParser.Parse(merges).Rows.Where(r => r.Level == 3 && r.NewProvinceCode == "80").Select(r => (r.OldCode, r.NewCode, r.IsPartial)).ToHashSet();
        var fromSplits = SuccessionMappingParser.Parse(splits).Rows.Where(r => r.Level == 3 && r.NewProvinceCode == "80").Select(r => (r.OldCode, r.NewCode, r.IsPartial)).ToHashSet();

        Assert.Equal(fromSplits, fromMerges);
        Assert.Contains(("27739", "27721", false), fromMerges);
    }

    [Fact]
    public void Parse_MissingType_ReportsRecordAndField()
    {
        const string json = """{"data":[{"level1_id":"80","name":"Tây Ninh","merges":[{"old_id":"80","type":"full"}],"level2s":[{"level2_id":"1","merges":[{"old_id":"2","type":"half"}]}]}]}""";

        var error = Assert.Single(SuccessionMappingParser.Parse(Stream(json)).Errors);

        Assert.Equal((2, "type"), (error.Line, error.Field));
    }
}
