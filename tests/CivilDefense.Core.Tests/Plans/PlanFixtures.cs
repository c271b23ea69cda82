using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans;

internal static class PlanFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Plans", "Fixtures", name);

    public static ParsedPlan Parse(string name)
    {
        using var stream = File.OpenRead(PathOf(name));
        var result = PlanDocumentParser.Parse(stream, name);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public static ParsedTask Task(this ParsedPlan plan, string number) =>
        plan.Groups.SelectMany(g => g.Tasks).Single(t => t.Number == number);

    /// <summary>The seeds folder of the steering repository (../shared/seeds), found by walking up; null when absent.</summary>
    public static string? SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(seeds))
            {
                return seeds;
            }
        }

        return null;
    }
}
