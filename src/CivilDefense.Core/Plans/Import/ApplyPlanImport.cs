using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Import;

/// <summary>
/// Imports a plan document in one transaction: the user's answers for unmatched names first
/// (new organisations, aliases), then the plan itself, new or as the next revision of the plan
/// it amends. The same document imported again changes nothing.
/// </summary>
public sealed class ApplyPlanImport(PtdsDbContext db)
{
    public async Task<Result<PlanImportResult>> HandleAsync(PlanFile file, int unitId, IReadOnlyList<BodyDecision> decisions, CancellationToken ct)
    {
        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.Plans) || db.Actor.Role == Role.AgencyLiaison)
        {
            return new ForbiddenError("Your role may not import plans.");
        }

        // Inside a caller's transaction (the demo seeder) the caller commits; otherwise this is one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (await new BodyDecisions(db).ApplyAsync(unitId, decisions, ct) is { } invalid)
            {
                return invalid;
            }

            var read = await new PlanImportReader(db).ReadAsync(file, unitId, ct);
            if (read.Error is { } error)
            {
                return error;
            }

            var r = read.Value!;
            if (r.Outcome == PlanImportOutcome.Unchanged)
            {
                // Decisions alone may have been new (an alias for a name the plan already maps): keep them.
                await CommitAsync(transaction, ct);
                return Result(r.Existing!, r, PlanImportOutcome.Unchanged);
            }

            var writer = new PlanWriter(db);
            Plan plan;
            if (r.Existing is { } existing)
            {
                existing.Revision++;
                await writer.UpdateAsync(existing, r.Snapshot, ct);
                plan = existing;
            }
            else
            {
                plan = await writer.CreateAsync(unitId, r.Snapshot, ct);
            }

            db.PlanRevisions.Add(new PlanRevision
            {
                PlanId = plan.Id,
                Number = plan.Revision,
                ImportedAt = db.Clock.GetUtcNow().UtcDateTime,
                ImportedBy = db.Actor.Name,
                SourceName = Truncate(Path.GetFileName(file.FileName), 300),
                ContentHash = r.ContentHash,
                Summary = Truncate(Summarize(r), 4000),
            });
            await db.SaveChangesAsync(ct);
            await CommitAsync(transaction, ct);
            return Result(plan, r, r.Outcome);
        }
        catch (AccessDeniedException denied)
        {
            return new ForbiddenError(denied.Message);
        }
    }

    private static async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? own, CancellationToken ct)
    {
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    private static PlanImportResult Result(Plan plan, PlanImportReader.Reading r, PlanImportOutcome outcome) =>
        new(plan.Id, outcome, plan.Revision, r.Snapshot.Groups.Count, r.Snapshot.Tasks.Count, r.Snapshot.AssignmentCount, r.Review.Count, r.Changes);

    private static string Summarize(PlanImportReader.Reading r) =>
        r.Existing is null
            ? $"Imported: {r.Snapshot.Groups.Count} groups, {r.Snapshot.Tasks.Count} tasks, {r.Review.Count} names to review."
            : string.Join("\n", r.Changes.Select(c => c.Description));

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>Carries out the user's answers for names on the review list, inside the caller's transaction.</summary>
internal sealed class BodyDecisions(PtdsDbContext db)
{
    public async Task<ValidationError?> ApplyAsync(int unitId, IReadOnlyList<BodyDecision> decisions, CancellationToken ct)
    {
        foreach (var (decision, index) in decisions.Select((d, i) => (d, i)))
        {
            var field = $"decisions[{index}]";
            if (string.IsNullOrWhiteSpace(decision.MentionKey) || decision.MentionKey.Length > 2000)
            {
                return ValidationError.ForField(field + ".mentionKey", "The name to map is missing or too long.");
            }

            int organizationId;
            if (decision is { OrganizationId: { } id, Create: null })
            {
                if (!await db.Organizations.AnyAsync(o => o.Id == id, ct))
                {
                    return ValidationError.ForField(field + ".organizationId", "No such organisation in your scope.");
                }

                organizationId = id;
            }
            else if (decision is { OrganizationId: null, Create: { } create })
            {
                var created = await new CreateOrganization(db).HandleAsync(
                    new CreateOrganization.Input(create.UnitId, create.Kind, create.Name, create.ShortName, null, null, null, null), ct);
                if (created.Error is not null)
                {
                    return ValidationError.ForField(field + ".create", created.Error.Message);
                }

                organizationId = created.Value!.Id;
            }
            else
            {
                return ValidationError.ForField(field, "Give either an organisation or a new organisation to create, not both.");
            }

            await AliasAsync(unitId, decision.MentionKey, organizationId, ct);
        }

        return null;
    }

    /// <summary>Records (or re-points) the unit's alias for a name.</summary>
    public async Task AliasAsync(int unitId, string mentionKey, int organizationId, CancellationToken ct, string? mention = null)
    {
        var alias = await db.BodyAliases.FirstOrDefaultAsync(a => a.UnitId == unitId && a.MentionKey == mentionKey, ct);
        if (alias is null)
        {
            db.BodyAliases.Add(new BodyAlias { UnitId = unitId, MentionKey = mentionKey, Mention = mention ?? mentionKey, OrganizationId = organizationId });
        }
        else
        {
            alias.OrganizationId = organizationId;
        }

        await db.SaveChangesAsync(ct);
    }
}
