using CivilDefense.Core.Common;
using CivilDefense.Core.Data;

namespace CivilDefense.Core.Plans.Import;

/// <summary>Reads a plan document and says what importing it would create, change and leave for review; writes nothing.</summary>
public sealed class PreviewPlanImport(PtdsDbContext db)
{
    public async Task<Result<PlanImportPreview>> HandleAsync(PlanFile file, int unitId, CancellationToken ct)
    {
        var read = await new PlanImportReader(db).ReadAsync(file, unitId, ct);
        if (read.Error is { } error)
        {
            return error;
        }

        var r = read.Value!;
        return new PlanImportPreview(
            r.Outcome,
            r.Existing?.Id,
            r.Existing is null ? 1 : r.Outcome == PlanImportOutcome.Unchanged ? r.Existing.Revision : r.Existing.Revision + 1,
            unitId,
            r.Snapshot,
            r.OrganizationNames,
            r.Review,
            r.Snapshot.Tasks.Where(t => t.ReviewReason is not null).Select(t => new TaskReview(t.Number, t.ReviewReason!)).ToList(),
            r.Changes,
            r.Parsed.Notes,
            r.ContentHash);
    }
}
