namespace CivilDefense.Core.Plans.Import;

public enum PlanChangeKind
{
    Header,
    Sections,
    GroupAdded,
    GroupRemoved,
    GroupRenamed,
    TaskAdded,
    TaskRemoved,
    TaskText,
    TaskTiming,
    TaskBodies,
    TaskMoved,
}

/// <summary>One difference between the stored plan and the document being imported.</summary>
public sealed record PlanChange(PlanChangeKind Kind, string? Number, string Description);

/// <summary>
/// Compares two versions of a plan. Groups and tasks are matched by their number, as the
/// documents themselves refer to them ("nhiệm vụ 2.3"); a renumbered task shows as one removed
/// and one added, which is what a reader of the two documents would see too.
/// </summary>
public static class PlanDiff
{
    public static IReadOnlyList<PlanChange> Compare(PlanSnapshot before, PlanSnapshot after)
    {
        var changes = new List<PlanChange>();
        if (before.Header != after.Header)
        {
            changes.Add(new PlanChange(PlanChangeKind.Header, null, DescribeHeader(before.Header, after.Header)));
        }

        if (!before.Sections.SequenceEqual(after.Sections))
        {
            changes.Add(new PlanChange(PlanChangeKind.Sections, null, $"Sections: {before.Sections.Count} → {after.Sections.Count}, text changed."));
        }

        CompareGroups(before, after, changes);
        CompareTasks(before, after, changes);
        return changes;
    }

    private static void CompareGroups(PlanSnapshot before, PlanSnapshot after, List<PlanChange> changes)
    {
        var old = before.Groups.ToDictionary(g => g.Number);
        var now = after.Groups.ToDictionary(g => g.Number);
        foreach (var g in after.Groups)
        {
            if (!old.TryGetValue(g.Number, out var was))
            {
                changes.Add(new PlanChange(PlanChangeKind.GroupAdded, g.Number, $"Group {g.Number} added: {Short(g.Title)}"));
            }
            else if (was.Title != g.Title)
            {
                changes.Add(new PlanChange(PlanChangeKind.GroupRenamed, g.Number, $"Group {g.Number} renamed: {Short(g.Title)}"));
            }
        }

        changes.AddRange(before.Groups.Where(g => !now.ContainsKey(g.Number))
            .Select(g => new PlanChange(PlanChangeKind.GroupRemoved, g.Number, $"Group {g.Number} removed: {Short(g.Title)}")));
    }

    private static void CompareTasks(PlanSnapshot before, PlanSnapshot after, List<PlanChange> changes)
    {
        var old = before.Tasks.ToDictionary(t => t.Number);
        var now = after.Tasks.ToDictionary(t => t.Number);
        foreach (var t in after.Tasks)
        {
            if (!old.TryGetValue(t.Number, out var was))
            {
                changes.Add(new PlanChange(PlanChangeKind.TaskAdded, t.Number, $"Task {t.Number} added: {Short(t.Text)}"));
                continue;
            }

            if (was.GroupNumber != t.GroupNumber)
            {
                changes.Add(new PlanChange(PlanChangeKind.TaskMoved, t.Number, $"Task {t.Number} moved from group {was.GroupNumber} to {t.GroupNumber}."));
            }

            if (was.Text != t.Text)
            {
                changes.Add(new PlanChange(PlanChangeKind.TaskText, t.Number, $"Task {t.Number} text changed: {Short(t.Text)}"));
            }

            if ((was.TimingKind, was.TimingText, was.DueDate, was.FromYear, was.ToYear) != (t.TimingKind, t.TimingText, t.DueDate, t.FromYear, t.ToYear))
            {
                changes.Add(new PlanChange(PlanChangeKind.TaskTiming, t.Number, $"Task {t.Number} timing: \"{was.TimingText}\" → \"{t.TimingText}\""));
            }

            if (DescribeBodies(was, t) is { } bodies)
            {
                changes.Add(new PlanChange(PlanChangeKind.TaskBodies, t.Number, $"Task {t.Number} bodies: {bodies}"));
            }
        }

        changes.AddRange(before.Tasks.Where(t => !now.ContainsKey(t.Number))
            .Select(t => new PlanChange(PlanChangeKind.TaskRemoved, t.Number, $"Task {t.Number} removed: {Short(t.Text)}")));
    }

    /// <summary>Bodies compare as sets: the document's order of names is not a change of responsibility.</summary>
    private static string? DescribeBodies(TaskSnapshot was, TaskSnapshot now)
    {
        static HashSet<(BodyRole, string, int?)> Set(TaskSnapshot t) => t.Bodies.Select(b => (b.Role, b.MentionKey, b.OrganizationId)).ToHashSet();
        var before = Set(was);
        var after = Set(now);
        if (before.SetEquals(after))
        {
            return null;
        }

        var added = now.Bodies.Where(b => !before.Contains((b.Role, b.MentionKey, b.OrganizationId))).Select(b => "+" + b.Mention).Distinct();
        var removed = was.Bodies.Where(b => !after.Contains((b.Role, b.MentionKey, b.OrganizationId))).Select(b => "−" + b.Mention).Distinct();
        return string.Join("; ", added.Concat(removed));
    }

    private static string DescribeHeader(PlanHeader a, PlanHeader b)
    {
        var parts = new List<string>();
        void Check(string name, object? x, object? y)
        {
            if (!Equals(x, y))
            {
                parts.Add($"{name}: \"{x}\" → \"{y}\"");
            }
        }

        Check("kind", a.Kind, b.Kind);
        Check("number", a.NumberSymbol, b.NumberSymbol);
        Check("title", a.Title, b.Title);
        Check("issuing body", a.IssuingBody, b.IssuingBody);
        Check("date", a.IssuedOn, b.IssuedOn);
        Check("place", a.IssuedAt, b.IssuedAt);
        Check("signer", a.Signer, b.Signer);
        Check("signer title", a.SignerTitle, b.SignerTitle);
        Check("narrative", a.IsNarrative, b.IsNarrative);
        return "Header changed: " + string.Join(", ", parts);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";
}
