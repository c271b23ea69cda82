using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans.Import;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans;

/// <summary>
/// Settles a name on a plan's review list: maps it to an organisation (existing or new), fills in
/// every task that names it, gives the body its assignments, and remembers the answer as an alias
/// of the plan's unit for the next import.
/// </summary>
public sealed class MapPlanBody(PtdsDbContext db)
{
    public sealed record Input(string MentionKey, int? OrganizationId, NewBodyOrganization? Create);

    public async Task<Result<int>> HandleAsync(int planId, Input input, CancellationToken ct)
    {
        var plan = await db.Plans.Where(p => p.Id == planId).Select(p => new { p.Id, p.UnitId, Path = p.UnitPath }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Plans, plan.Path))
        {
            return new ForbiddenError("You may not change this plan.");
        }

        var tasks = await db.PlanTasks.Where(t => t.PlanId == planId && t.Bodies.Any(b => b.MentionKey == input.MentionKey && b.OrganizationId == null))
            .Include(t => t.Bodies).Include(t => t.Assignments)
            .ToListAsync(ct);
        if (tasks.Count == 0)
        {
            return new NotFoundError("No task of this plan waits for this name.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decision = new BodyDecision(input.MentionKey, input.OrganizationId, input.Create);
        if (await new BodyDecisions(db).ApplyAsync(plan.UnitId, [decision], ct) is { } invalid)
        {
            return invalid;
        }

        var organizationId = await db.BodyAliases.Where(a => a.UnitId == plan.UnitId && a.MentionKey == input.MentionKey)
            .Select(a => a.OrganizationId).SingleAsync(ct);
        foreach (var body in tasks.SelectMany(t => t.Bodies).Where(b => b.MentionKey == input.MentionKey && b.OrganizationId == null))
        {
            body.OrganizationId = organizationId;
            body.Resolution = "reviewed";
        }

        await db.SaveChangesAsync(ct);
        await new AssignmentReconciler(db).ReconcileAsync(tasks, ct);
        await transaction.CommitAsync(ct);
        return tasks.Count;
    }
}
