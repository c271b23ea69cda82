using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Tests.Geography.Import;

public sealed class PopulationCsvParserTests
{
    private const string Header = "code,name,population_2019_equal_split,population_2019_area_balanced,area_km2,old_units\n";

    [Fact]
    public void Parse_DemoFile_Returns96UnitsSummingToCensusTotal()
    {
        using var file = DemoData.Open("population2019_tayninh_2025.csv");

        var result = PopulationCsvParser.Parse(file);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(96, result.Rows.Count);
        Assert.Equal(2_857_712, result.Rows.Sum(r => r.Population));
    }

    [Fact]
    public void Parse_NegativePopulation_ReportsLineAndField()
    {
        var result = PopulationCsvParser.Parse(new StringReader(Header + "25459,A,1,1,1.0,\n25480,B,1,-3,1.0,\n"));

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, PopulationCsvParser.PopulationColumn), (error.Line, error.Field));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_NonIntegerPopulation_ReportsLineAndField()
    {
        var error = Assert.Single(PopulationCsvParser.Parse(new StringReader(Header + "25459,A,1,12.5,1.0,\n")).Errors);

        Assert.Equal((2, PopulationCsvParser.PopulationColumn), (error.Line, error.Field));
    }

    [Fact]
    public void Parse_CentroidsDemoFile_Returns96Points()
    {
        using var file = DemoData.Open("centroids_tayninh_2025.csv");

        var result = CentroidsCsvParser.Parse(file);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Equal(96, result.Rows.Count);
    }
}
