using System.Globalization;
using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Reads a plan laid out in sections: roman-numeral sections (I. MỤC ĐÍCH, YÊU CẦU; II. QUAN
/// ĐIỂM, MỤC TIÊU; III. NHIỆM VỤ, GIẢI PHÁP; IV. TỔ CHỨC THỰC HIỆN), groups "1.", tasks "1.1."
/// (or "a)"), field lines under each, "Nơi nhận" and the signature. Structure is read from the
/// numbers, not from heading levels or boldness, which real documents mix freely. Without roman
/// sections, numbered groups count only when field lines follow them.
/// </summary>
internal sealed partial class StructuredPlanReader
{
    private enum Section
    {
        Preamble,
        Purposes,
        Requirements,
        Viewpoints,
        Objectives,
        Tasks,
        Implementation,
        Other,
        Recipients,
        Closing,
    }

    private readonly IReadOnlyList<GroupPhrase> _groups;
    private readonly List<PlanParagraph> _preamble = [];
    private readonly List<GroupDraft> _taskGroups = [];
    private readonly List<string> _purposes = [];
    private readonly List<string> _requirements = [];
    private readonly List<string> _viewpoints = [];
    private readonly List<ParsedObjective> _objectives = [];
    private readonly List<string> _clauses = [];
    private readonly List<string> _recipients = [];
    private readonly List<string> _signatureTitle = [];
    private string? _signer;
    private Section _section = Section.Preamble;
    private int? _milestone;
    private bool _sawTasksSection;
    private bool _sawField;

    private StructuredPlanReader(IReadOnlyList<GroupPhrase> groups) => _groups = groups;

    public static ParsedPlan Read(IReadOnlyList<PlanParagraph> lines, IReadOnlyList<GroupPhrase> groups, IReadOnlyList<ParseNote> notes)
    {
        var reader = new StructuredPlanReader(groups);
        foreach (var line in lines)
        {
            reader.Take(line);
        }

        return reader.Build(notes);
    }

    private void Take(PlanParagraph p)
    {
        var text = p.Text;
        if (PlanHeader.IsRecipientsStart(text, out var rest))
        {
            _section = Section.Recipients;
            AddRecipients(rest);
            return;
        }

        if (_section == Section.Recipients)
        {
            if (p.ListItem || text[0] is '-' or '+' or '•')
            {
                AddRecipients(text);
                return;
            }

            _section = Section.Closing;
        }

        if (_section != Section.Preamble && PlanHeader.IsSignatureTitle(text))
        {
            _section = Section.Closing;
            _signatureTitle.AddRange(text.Split('\n').Select(l => l.Trim()));
            return;
        }

        if (_section == Section.Closing)
        {
            if (_signer is null && _signatureTitle.Count > 0 && PlanHeader.IsPersonName(text))
            {
                _signer = text.Trim();
            }

            return;
        }

        var roman = Roman().Match(text);
        if (roman.Success && !text.Contains('\n'))
        {
            _section = SectionOf(roman.Groups["t"].Value);
            _milestone = null;
            _sawTasksSection |= _section == Section.Tasks;
            return;
        }

        switch (_section)
        {
            case Section.Preamble or Section.Tasks:
                TakeTaskLine(p);
                break;
            case Section.Purposes or Section.Requirements or Section.Viewpoints or Section.Objectives:
                TakeAimLine(p);
                break;
            case Section.Implementation:
                var clause = Single().Match(text);
                if (clause.Success || _clauses.Count == 0)
                {
                    _clauses.Add(clause.Success ? clause.Groups["t"].Value : text);
                }
                else
                {
                    _clauses[^1] += "\n" + text;
                }

                break;
        }
    }

    private void TakeTaskLine(PlanParagraph p)
    {
        var text = p.Text;
        var group = _taskGroups.Count > 0 ? _taskGroups[^1] : null;
        if (FieldLine.TryParse(text) is { } field)
        {
            if (group is not null)
            {
                _sawField = true;
                group.Current.Apply(field.Kind, field.Value, _groups);
            }

            return;
        }

        if (Single().Match(text) is { Success: true } g)
        {
            _taskGroups.Add(new GroupDraft(g.Groups["n"].Value, g.Groups["t"].Value.Replace('\n', ' '), p.Line));
            return;
        }

        if (group is null)
        {
            if (_section == Section.Preamble)
            {
                _preamble.Add(p);
            }

            return;
        }

        var sub = Multi().Match(text);
        if (sub.Success && sub.Groups["n"].Value.Count(c => c == '.') == 1)
        {
            group.Tasks.Add(new TaskDraft(sub.Groups["n"].Value, sub.Groups["t"].Value, p.Line));
        }
        else if (Letter().Match(text) is { Success: true } letter && (group.Tasks.Count == 0 || group.Tasks[^1].Number.Contains(')')))
        {
            group.Tasks.Add(new TaskDraft($"{group.Number}.{letter.Groups["n"].Value})", letter.Groups["t"].Value, p.Line));
        }
        else if (group.Current.HasFields)
        {
            // Text after a task's field lines starts the next, unnumbered task.
            group.Tasks.Add(new TaskDraft($"{group.Number}.{group.Tasks.Count + 1}", text, p.Line));
        }
        else
        {
            group.Current.Text.Add(text);
        }
    }

    private void TakeAimLine(PlanParagraph p)
    {
        var text = p.Text;
        var numbered = Multi().Match(text) is { Success: true } m ? m : Single().Match(text);
        var title = numbered.Success ? numbered.Groups["t"].Value : text;
        if ((numbered.Success || p.HeadingLevel > 0 || p.Bold) && title.Length < 100 && Subsection(title) is { } sub)
        {
            _section = sub.Section;
            _milestone = sub.Milestone;
            return;
        }

        switch (_section)
        {
            case Section.Purposes:
                _purposes.Add(text);
                break;
            case Section.Requirements:
                _requirements.Add(text);
                break;
            case Section.Viewpoints:
                _viewpoints.Add(text);
                break;
            default:
                var inline = InlineMilestone().Match(text);
                _objectives.Add(new ParsedObjective(inline.Success ? MaxYear(inline.Value) : _milestone, text));
                break;
        }
    }

    private static (Section Section, int? Milestone)? Subsection(string title)
    {
        var f = BodyNames.Fold(title).Trim();
        if (f.StartsWith("muc dich", StringComparison.Ordinal))
        {
            return (Section.Purposes, null);
        }

        if (f.StartsWith("yeu cau", StringComparison.Ordinal))
        {
            return (Section.Requirements, null);
        }

        if (f.StartsWith("quan diem", StringComparison.Ordinal))
        {
            return (Section.Viewpoints, null);
        }

        if (f.StartsWith("muc tieu", StringComparison.Ordinal))
        {
            return (Section.Objectives, MaxYear(f));
        }

        return MilestoneHeading().IsMatch(f) ? (Section.Objectives, MaxYear(f)) : null;
    }

    private static int? MaxYear(string text)
    {
        var years = Years().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        return years.Count > 0 ? years.Max() : null;
    }

    private static Section SectionOf(string title)
    {
        var f = BodyNames.Fold(title);
        return f.Contains("to chuc thuc hien", StringComparison.Ordinal) ? Section.Implementation
            : f.Contains("nhiem vu", StringComparison.Ordinal) || f.Contains("giai phap", StringComparison.Ordinal) ? Section.Tasks
            : f.Contains("muc dich", StringComparison.Ordinal) ? Section.Purposes
            : f.Contains("yeu cau", StringComparison.Ordinal) ? Section.Requirements
            : f.Contains("quan diem", StringComparison.Ordinal) ? Section.Viewpoints
            : f.Contains("muc tieu", StringComparison.Ordinal) ? Section.Objectives
            : Section.Other;
    }

    private void AddRecipients(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var r = PlanHeader.Recipient(line);
            if (r.Length > 0)
            {
                _recipients.Add(r);
            }
        }
    }

    private ParsedPlan Build(IReadOnlyList<ParseNote> notes)
    {
        // Without a tasks section, numbered paragraphs are groups only when field lines stated bodies under them.
        var groups = _sawTasksSection || _sawField ? _taskGroups.Select(g => g.Build()).ToList() : [];
        var header = PlanHeader.Read(_preamble);
        var title = header.Title
            ?? _preamble.FirstOrDefault(p => p.HeadingLevel > 0 || p.Bold)?.Text
            ?? _preamble.FirstOrDefault()?.Text
            ?? "(untitled plan)";
        return new ParsedPlan
        {
            Kind = header.Kind,
            NumberSymbol = header.NumberSymbol,
            IssuingBody = header.IssuingBody,
            IssuedOn = header.IssuedOn,
            IssuedAt = header.IssuedAt,
            Signer = _signer,
            SignerTitle = _signatureTitle.Count > 0 ? string.Join(' ', _signatureTitle) : null,
            Title = title.Replace('\n', ' '),
            Purposes = _purposes,
            Requirements = _requirements,
            Viewpoints = _viewpoints,
            Objectives = _objectives,
            Groups = groups,
            Implementation = _clauses.Select(c => Clause(c, _groups)).ToList(),
            Recipients = _recipients,
            Notes = notes,
        };
    }

    internal static ParsedImplementationClause Clause(string text, IReadOnlyList<GroupPhrase> groups)
    {
        var bodies = text.Split('\n').SelectMany(s => ClauseReader.Read(s, groups).All).Distinct().ToList();
        return new ParsedImplementationClause(text, bodies, ClauseReader.ReportsTo(text), ClauseReader.Frequency(text));
    }

    [GeneratedRegex(@"^(?<r>[IVX]{1,4})\s*[.)]\s+(?<t>\S.*)$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s*[.)]\s+(?<t>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex Single();

    [GeneratedRegex(@"^(?<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?<t>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex Multi();

    [GeneratedRegex(@"^(?<n>[a-zđ])\)\s+(?<t>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex Letter();

    [GeneratedRegex(@"^(?:den|tu|trong|giai doan|nam)\b.{0,40}\b(?:19|20|21)\d{2}\b")]
    private static partial Regex MilestoneHeading();

    [GeneratedRegex(@"^(?:Đến|Từ|Trong|Giai đoạn)\b[^,:]{0,50}?\b(?:19|20|21)\d{2}\b[^,:]{0,40}[,:]", RegexOptions.IgnoreCase)]
    private static partial Regex InlineMilestone();

    [GeneratedRegex(@"\b(?:19|20|21)\d{2}\b")]
    private static partial Regex Years();
}
