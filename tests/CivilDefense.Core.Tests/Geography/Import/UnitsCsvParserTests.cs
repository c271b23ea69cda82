using CivilDefense.Core.Geography;
using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class UnitsCsvParserTests
{
    private const string Header = "code,parent_code,kind,name,name_en,full_name,population,households,area_km2,valid_from,valid_to\n";

    [Fact]
    public void Parse_ValidFile_ReturnsRowsWithParentsInFileOrKnown()
    {
        var csv = Header
            + "80,VN,Tỉnh,Tây Ninh,Tay Ninh,Tỉnh Tây Ninh,,,8536.44,2025-07-01,\n"
            + "25459,80,Phường,Tân Ninh,Tan Ninh,Phường Tân Ninh,70350,,21.35,2025-07-01,\n"
            + "80,VN,Province,Long An,,Tỉnh Long An,,,,,2025-06-30\n";

        var result = UnitsCsvParser.Parse(new StringReader(csv), knownCodes: ["VN"]);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(UnitKind.Ward, result.Rows[1].Kind);
        Assert.Equal(70350, result.Rows[1].Population);
    }

    [Fact]
    public void Parse_BrokenCsv_ReportsLine()
    {
        var csv = Header + "80,VN,Tỉnh,Tây Ninh\n25459,80,Phường,\"Tân Ninh,Tan Ninh,x,1,,,,\n";

        var result = UnitsCsvParser.Parse(new StringReader(csv), knownCodes: ["VN"]);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e is { Line: 2, Field: "csv" });
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_UnknownParent_ReportsLineAndField()
    {
        var csv = Header + "25459,99,Phường,Tân Ninh,,,,,,,\n";

        var result = UnitsCsvParser.Parse(new StringReader(csv));

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "parent_code"), (error.Line, error.Field));
        Assert.Equal("line 2, field parent_code: unknown parent code 99", error.ToString());
    }

    [Fact]
    public void Parse_DuplicateCode_ReportsSecondLine()
    {
        var csv = Header + "80,,Tỉnh,Tây Ninh,,,,,,,\n25459,80,Phường,A,,,,,,,\n25459,80,Phường,B,,,,,,,\n";

        var error = Assert.Single(UnitsCsvParser.Parse(new StringReader(csv)).Errors);

        Assert.Equal((4, "code"), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_BadNumbersAndKind_ReportsAllErrors()
    {
        var csv = Header + "80,,Tỉnh,Tây Ninh,,,-5,1.5,,2025-13-01,\n81,,Làng,X,,,,,,,\n";

        var result = UnitsCsvParser.Parse(new StringReader(csv));

        Assert.Contains(result.Errors, e => e is { Line: 2, Field: "population" });
        Assert.Contains(result.Errors, e => e is { Line: 2, Field: "households" });
        Assert.Contains(result.Errors, e => e is { Line: 2, Field: "valid_from" });
        Assert.Contains(result.Errors, e => e is { Line: 3, Field: "kind" });
    }

    [Fact]
    public void Parse_MissingColumn_ReportsHeader()
    {
        var error = Assert.Single(UnitsCsvParser.Parse(new StringReader("code,name\n1,A\n")).Errors);

        Assert.Equal((1, "header"), (error.Line, error.Field));
    }
}
