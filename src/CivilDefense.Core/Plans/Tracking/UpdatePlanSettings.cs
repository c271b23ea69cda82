using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>Changes how often a plan's recurring tasks report (yearly by default). Writers of the plan's unit only.</summary>
public sealed class UpdatePlanSettings(PtdsDbContext db)
{
    public sealed record Input(ReportingPeriod ReportingPeriod, int? Version = null);

    public async Task<Result<ReportingPeriod>> HandleAsync(int planId, Input input, CancellationToken ct)
    {
        var found = await db.Plans.Where(p => p.Id == planId).Select(p => p).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new NotFoundError("No such plan.");
        }

        if (db.Actor.Role == Role.AgencyLiaison || !AccessPolicy.CanWrite(db.Actor, Resource.Plans, (await PlanUnits.OfAsync(db, found.UnitId, ct))!.Value.Path))
        {
            return new ForbiddenError("You may not change this plan.");
        }

        if (!Enum.IsDefined(input.ReportingPeriod))
        {
            return ValidationError.ForField("reportingPeriod", "Unknown reporting period.");
        }

        if (input.Version is { } version && version != found.Version)
        {
            return new ConflictError();
        }

        found.ReportingPeriod = input.ReportingPeriod;
        await db.SaveChangesAsync(ct);
        return found.ReportingPeriod;
    }
}
