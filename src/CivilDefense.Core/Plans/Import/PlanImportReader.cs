using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans.Parsing;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Import;

/// <summary>
/// Everything preview and apply share: read the document, resolve its body names against the
/// registry the actor can see, find the plan it amends and compare the two.
/// </summary>
internal sealed class PlanImportReader(PtdsDbContext db)
{
    internal sealed record Reading(
        ParsedPlan Parsed,
        PlanSnapshot Snapshot,
        Plan? Existing,
        PlanSnapshot? ExistingSnapshot,
        IReadOnlyList<PlanChange> Changes,
        IReadOnlyList<ReviewItem> Review,
        IReadOnlyDictionary<int, string> OrganizationNames,
        string ContentHash)
    {
        public PlanImportOutcome Outcome => Existing is null ? PlanImportOutcome.New
            : Changes.Count == 0 ? PlanImportOutcome.Unchanged
            : PlanImportOutcome.Amended;
    }

    public async Task<Result<Reading>> ReadAsync(PlanFile file, int unitId, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return new NotFoundError("No such administrative unit.");
        }

        var parsed = PlanDocumentSource.Parse(file);
        if (parsed.Error is { } error)
        {
            return error;
        }

        var resolution = await PlanBodyResolution.LoadAsync(db, unitId, ct);
        var (snapshot, review) = Resolve(parsed.Value!, resolution);
        var existing = await FindExistingAsync(unitId, snapshot.Header, ct);
        var existingSnapshot = existing is null ? null : await StoredPlan.SnapshotAsync(db, existing.Id, ct);
        var changes = existingSnapshot is null ? [] : PlanDiff.Compare(existingSnapshot, snapshot);
        var names = await OrganizationNamesAsync(snapshot, review, ct);
        return new Reading(parsed.Value!, snapshot, existing, existingSnapshot, changes, review, names, Hash(snapshot));
    }

    /// <summary>Turns every mention into bodies; names nobody could match are gathered for review, none dropped.</summary>
    private static (PlanSnapshot, IReadOnlyList<ReviewItem>) Resolve(ParsedPlan plan, PlanBodyResolution resolution)
    {
        var unmatched = new Dictionary<string, (string Mention, List<string> Tasks, IReadOnlyList<BodySuggestion> Suggestions)>();
        var tasks = new List<TaskSnapshot>();
        foreach (var group in plan.Groups)
        {
            foreach (var task in group.Tasks)
            {
                var bodies = new List<BodySnapshot>();
                void Add(BodyRole role, IReadOnlyList<string> mentions)
                {
                    foreach (var mention in mentions)
                    {
                        var outcome = resolution.Resolve(mention);
                        if (outcome.OrganizationIds.Count == 0)
                        {
                            bodies.Add(new BodySnapshot(role, mention, outcome.Key, null, outcome.Resolution));
                            if (!unmatched.TryGetValue(outcome.Key, out var entry))
                            {
                                unmatched[outcome.Key] = entry = (mention, [], outcome.Suggestions);
                            }

                            if (!entry.Tasks.Contains(task.Number))
                            {
                                entry.Tasks.Add(task.Number);
                            }

                            continue;
                        }

                        bodies.AddRange(outcome.OrganizationIds.Select(id => new BodySnapshot(role, mention, outcome.Key, id, outcome.Resolution)));
                    }
                }

                Add(BodyRole.Directing, task.Directing);
                Add(BodyRole.Lead, task.Lead);
                Add(BodyRole.Implementing, task.Implementing);
                tasks.Add(new TaskSnapshot(group.Number, task.Number, task.Text, task.Timing.Kind, task.Timing.Text, task.Timing.Date,
                    task.Timing.FromYear, task.Timing.ToYear, task.ReviewReason, bodies));
            }
        }

        var snapshot = new PlanSnapshot(
            Header(plan),
            Sections(plan),
            plan.Groups.Select(g => new GroupSnapshot(g.Number, g.Title)).ToList(),
            tasks);
        var review = unmatched.Select(u => new ReviewItem(u.Value.Mention, u.Key, u.Value.Tasks, u.Value.Suggestions)).ToList();
        return (snapshot, review);
    }

    private static PlanHeader Header(ParsedPlan p) =>
        new(p.Kind, p.NumberSymbol, p.Title, p.IssuingBody, p.IssuedOn, p.IssuedAt, p.Signer, p.SignerTitle, p.IsNarrative);

    private static List<SectionSnapshot> Sections(ParsedPlan p) =>
    [
        .. p.Purposes.Select(t => new SectionSnapshot(PlanSectionKind.Purpose, null, t, null, null)),
        .. p.Requirements.Select(t => new SectionSnapshot(PlanSectionKind.Requirement, null, t, null, null)),
        .. p.Viewpoints.Select(t => new SectionSnapshot(PlanSectionKind.Viewpoint, null, t, null, null)),
        .. p.Objectives.Select(o => new SectionSnapshot(PlanSectionKind.Objective, o.MilestoneYear, o.Text, null, null)),
        .. p.Implementation.Select(c => new SectionSnapshot(PlanSectionKind.Implementation, null, c.Text, c.ReportsTo, c.Frequency)),
        .. p.Recipients.Select(r => new SectionSnapshot(PlanSectionKind.Recipient, null, r, null, null)),
    ];

    /// <summary>
    /// The plan a document amends: the unit's plan with the same number and symbol, or, for
    /// documents without one (seed 002 has none), the same title and date.
    /// </summary>
    private async Task<Plan?> FindExistingAsync(int unitId, PlanHeader header, CancellationToken ct)
    {
        var candidates = db.Plans.Where(p => p.UnitId == unitId && p.IsActive);
        return header.NumberSymbol is { } number
            ? await candidates.Where(p => p.NumberSymbol == number).OrderBy(p => p.Id).FirstOrDefaultAsync(ct)
            : await candidates.Where(p => p.NumberSymbol == null && p.Title == header.Title && p.IssuedOn == header.IssuedOn).OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<IReadOnlyDictionary<int, string>> OrganizationNamesAsync(PlanSnapshot snapshot, IReadOnlyList<ReviewItem> review, CancellationToken ct)
    {
        var ids = snapshot.Tasks.SelectMany(t => t.Bodies).Where(b => b.OrganizationId is not null).Select(b => b.OrganizationId!.Value)
            .Concat(review.SelectMany(r => r.Suggestions).Select(s => s.OrganizationId))
            .Distinct()
            .ToList();
        return await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static string Hash(PlanSnapshot snapshot) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(snapshot))));
}
