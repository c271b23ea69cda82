using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>A task while its lines are being read.</summary>
internal sealed class TaskDraft(string number, string? text, int line)
{
    public const string NoBody = "No body is stated for this task.";

    public string Number { get; } = number;

    public int Line { get; } = line;

    public List<string> Text { get; } = text is { Length: > 0 } ? [text] : [];

    public List<string> Directing { get; } = [];

    public List<string> Lead { get; } = [];

    public List<string> Implementing { get; } = [];

    public ParsedTiming Timing { get; set; } = ParsedTiming.None;

    public bool HasFields { get; private set; }

    public string? ReviewReason { get; set; }

    public void Apply(FieldKind kind, string value, IReadOnlyList<GroupPhrase> groups)
    {
        HasFields = true;
        switch (kind)
        {
            case FieldKind.Directing:
                Directing.AddRange(BodyListSplitter.Split(value, groups));
                break;
            case FieldKind.Lead:
                Lead.AddRange(BodyListSplitter.Split(value, groups));
                break;
            case FieldKind.Implementing:
                Implementing.AddRange(BodyListSplitter.Split(value, groups));
                break;
            default:
                Timing = TimingParser.Parse(value);
                break;
        }
    }

    /// <summary>Fields written once for a whole group apply to its tasks that do not state their own.</summary>
    public void Inherit(TaskDraft group)
    {
        if (Directing.Count == 0)
        {
            Directing.AddRange(group.Directing);
        }

        if (Lead.Count == 0)
        {
            Lead.AddRange(group.Lead);
        }

        if (Implementing.Count == 0)
        {
            Implementing.AddRange(group.Implementing);
        }

        if (Timing.Kind == TimingKind.Unspecified)
        {
            Timing = group.Timing;
        }
    }

    public ParsedTask Build(string fallbackText)
    {
        var text = Text.Count > 0 ? string.Join('\n', Text) : fallbackText;
        var none = Directing.Count == 0 && Lead.Count == 0 && Implementing.Count == 0;
        return new ParsedTask(Number, text, Directing.ToList(), Lead.ToList(), Implementing.ToList(), Timing, Line)
        {
            ReviewReason = ReviewReason ?? (none ? NoBody : null),
        };
    }
}

/// <summary>A task group while its lines are being read; <see cref="Own"/> collects text and fields written under the group itself.</summary>
internal sealed class GroupDraft(string number, string title, int line)
{
    public string Number { get; } = number;

    public string Title { get; } = title;

    public int Line { get; } = line;

    public TaskDraft Own { get; } = new(number, null, line);

    public List<TaskDraft> Tasks { get; } = [];

    /// <summary>Where the next line of text or field goes: the last task, or the group itself.</summary>
    public TaskDraft Current => Tasks.Count > 0 ? Tasks[^1] : Own;

    public ParsedTaskGroup Build()
    {
        if (Tasks.Count == 0)
        {
            // A group without sub-tasks (seed 002's groups 8 and 9) is one task, numbered like the group.
            return new ParsedTaskGroup(Number, Title, [Own.Build(Title)], Line);
        }

        foreach (var t in Tasks)
        {
            t.Inherit(Own);
        }

        return new ParsedTaskGroup(Number, Title, Tasks.Select(t => t.Build(Title)).ToList(), Line);
    }
}
