using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Import;

/// <summary>
/// Writes a snapshot into a plan's records: creates them for a new plan, or brings an existing
/// plan in line with an amended document. Nothing is deleted that people have reported on: tasks
/// and groups the document dropped are closed, and so are assignments of bodies no longer named.
/// </summary>
internal sealed class PlanWriter(PtdsDbContext db)
{
    public async Task<Plan> CreateAsync(int unitId, PlanSnapshot snapshot, CancellationToken ct)
    {
        var plan = new Plan { UnitId = unitId, Title = snapshot.Header.Title };
        SetHeader(plan, snapshot.Header);
        plan.Sections = ToSections(snapshot);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await UpdateAsync(plan, snapshot, ct);
        return plan;
    }

    public async Task UpdateAsync(Plan plan, PlanSnapshot snapshot, CancellationToken ct)
    {
        SetHeader(plan, snapshot.Header);
        var sections = await db.PlanSections.Where(s => s.PlanId == plan.Id).OrderBy(s => s.Order).ToListAsync(ct);
        var newSections = ToSections(snapshot);
        if (!sections.Select(Key).SequenceEqual(newSections.Select(Key)))
        {
            db.PlanSections.RemoveRange(sections);
            newSections.ForEach(s => s.PlanId = plan.Id);
            db.PlanSections.AddRange(newSections);
        }

        var groups = await SyncGroupsAsync(plan, snapshot, ct);
        var tasks = await db.PlanTasks.Where(t => t.PlanId == plan.Id).Include(t => t.Bodies).Include(t => t.Assignments).ToListAsync(ct);
        var byNumber = tasks.ToDictionary(t => t.Number);
        var order = 0;
        var newBodies = new List<(PlanTask Task, PlanTaskBody Body)>();
        foreach (var wanted in snapshot.Tasks)
        {
            if (!byNumber.TryGetValue(wanted.Number, out var task))
            {
                task = new PlanTask { PlanId = plan.Id, Number = wanted.Number, Text = wanted.Text };
                tasks.Add(task);
                db.PlanTasks.Add(task);
            }

            task.IsActive = true;
            task.Group = groups[wanted.GroupNumber];
            task.Order = order++;
            task.Text = wanted.Text;
            (task.TimingKind, task.TimingText, task.DueDate, task.FromYear, task.ToYear, task.ReviewReason) =
                (wanted.TimingKind, wanted.TimingText, wanted.DueDate, wanted.FromYear, wanted.ToYear, wanted.ReviewReason);
            SyncBodies(task, wanted, newBodies);
        }

        var wantedNumbers = snapshot.Tasks.Select(t => t.Number).ToHashSet();
        foreach (var dropped in tasks.Where(t => !wantedNumbers.Contains(t.Number)))
        {
            dropped.IsActive = false;
        }

        await db.SaveChangesAsync(ct);

        // New tasks have their keys only now; the bodies go in set-based (an import writes thousands).
        newBodies.ForEach(n => n.Body.TaskId = n.Task.Id);
        await db.InsertManyAsync(newBodies.ConvertAll(n => n.Body), ct);
        await new AssignmentReconciler(db).ReconcileAsync(tasks, ct);
    }

    private async Task<Dictionary<string, PlanTaskGroup>> SyncGroupsAsync(Plan plan, PlanSnapshot snapshot, CancellationToken ct)
    {
        var groups = (await db.PlanTaskGroups.Where(g => g.PlanId == plan.Id).ToListAsync(ct)).ToDictionary(g => g.Number);
        var order = 0;
        foreach (var wanted in snapshot.Groups)
        {
            if (!groups.TryGetValue(wanted.Number, out var group))
            {
                group = new PlanTaskGroup { PlanId = plan.Id, Number = wanted.Number, Title = wanted.Title };
                groups[wanted.Number] = group;
                db.PlanTaskGroups.Add(group);
            }

            (group.Title, group.Order, group.IsActive) = (wanted.Title, order++, true);
        }

        var wantedNumbers = snapshot.Groups.Select(g => g.Number).ToHashSet();
        foreach (var dropped in groups.Values.Where(g => !wantedNumbers.Contains(g.Number)))
        {
            dropped.IsActive = false;
        }

        return groups;
    }

    /// <summary>
    /// Body rows are replaced only when they differ, so an unchanged task writes nothing. The new
    /// rows are collected rather than added to the task: they are inserted once the tasks have keys.
    /// </summary>
    private void SyncBodies(PlanTask task, TaskSnapshot wanted, List<(PlanTask, PlanTaskBody)> newBodies)
    {
        var current = task.Bodies.OrderBy(b => b.Order).Select(b => new BodySnapshot(b.Role, b.Mention, b.MentionKey, b.OrganizationId, b.Resolution));
        if (current.SequenceEqual(wanted.Bodies))
        {
            return;
        }

        db.PlanTaskBodies.RemoveRange(task.Bodies);
        newBodies.AddRange(wanted.Bodies.Select((b, i) => (task, new PlanTaskBody
        {
            Role = b.Role,
            Mention = b.Mention,
            MentionKey = b.MentionKey,
            OrganizationId = b.OrganizationId,
            Resolution = b.Resolution,
            Order = i,
        })));
    }

    private static void SetHeader(Plan plan, PlanHeader h)
    {
        (plan.Kind, plan.NumberSymbol, plan.Title, plan.IssuingBody, plan.IssuedOn) = (h.Kind, h.NumberSymbol, h.Title, h.IssuingBody, h.IssuedOn);
        (plan.IssuedAt, plan.Signer, plan.SignerTitle, plan.IsNarrative) = (h.IssuedAt, h.Signer, h.SignerTitle, h.IsNarrative);
    }

    private static List<PlanSection> ToSections(PlanSnapshot snapshot) =>
        snapshot.Sections.Select((s, i) => new PlanSection
        {
            Kind = s.Kind,
            Order = i,
            MilestoneYear = s.MilestoneYear,
            Text = s.Text,
            ReportsTo = s.ReportsTo,
            Frequency = s.Frequency,
        }).ToList();

    private static SectionSnapshot Key(PlanSection s) => new(s.Kind, s.MilestoneYear, s.Text, s.ReportsTo, s.Frequency);
}
