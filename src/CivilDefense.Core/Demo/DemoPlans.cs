using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Plans.Import;

namespace CivilDefense.Core.Demo;

/// <summary>
/// Imports the plan documents of the demo folder (plans/*.md, *.txt, *.docx) as the province's
/// plans, through the same import a user runs, so the demo shows a plan with its tasks, bodies and
/// review list from the first start.
/// </summary>
internal static class DemoPlans
{
    private static readonly string[] Extensions = [".md", ".txt", ".docx"];

    public static async Task<int> SeedAsync(PtdsDbContext db, string dataDirectory, AdministrativeUnit province, CancellationToken ct)
    {
        var folder = Path.Combine(dataDirectory, "plans");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var tasks = 0;
        foreach (var path in Directory.EnumerateFiles(folder).Where(p => Extensions.Contains(Path.GetExtension(p).ToLowerInvariant())).Order(StringComparer.Ordinal))
        {
            var file = new PlanFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct));
            var result = await new ApplyPlanImport(db).HandleAsync(file, province.Id, [], ct);
            if (result.Error is { } error)
            {
                throw new InvalidDataException($"Demo plan {file.FileName}: {error.Message}");
            }

            tasks += result.Value!.Tasks;
        }

        return tasks;
    }
}
