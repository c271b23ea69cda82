using System.Globalization;
using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Reads a plan told as a news article. The plan's kind, number, date and issuer come from the
/// sentence that reports it ("ngày 23/6/2020, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số
/// 193-KH/TU…"). Groups come from the structure: a list after "Các nhiệm vụ và giải pháp đó là:"
/// split on ';' (one task per group), or numbered paragraphs with bulleted tasks. Paragraphs whose
/// sentences state bodies ("giao X chỉ đạo, hướng dẫn, phối hợp với Y", "X chủ trì, phối hợp với
/// Y", "X chỉ đạo…", "X yêu cầu Y…") become tasks of a last group "Tổ chức thực hiện" and clauses
/// of <see cref="ParsedPlan.Implementation"/>: an article rarely ties them to one group, so none is guessed.
/// Every task is marked for review.
/// </summary>
internal static partial class NarrativePlanReader
{
    public const string FromSentence = "Bodies were read from a sentence of a narrative text; check them.";

    private static readonly string[] PlanKinds = ["Kế hoạch", "Chương trình", "Phương án", "Đề án"];

    public static ParsedPlan? Read(IReadOnlyList<PlanParagraph> lines, IReadOnlyList<GroupPhrase> groups, List<ParseNote> notes)
    {
        var issue = FindIssue(lines);
        var (groupDrafts, listLine, announced, inlineList) = FindGroups(lines);
        if (issue is null && !inlineList)
        {
            // Numbered paragraphs alone are any list; an article about a plan names the plan it reports.
            return null;
        }

        if (announced is { } n && groupDrafts.Count > 0 && n != groupDrafts.Count)
        {
            notes.Add(new ParseNote(listLine, $"The text announces {n} groups but lists {groupDrafts.Count}."));
        }

        var result = groupDrafts.Select(g => g.Build()).ToList();
        var clauses = new List<ParsedImplementationClause>();
        var bodyTasks = new List<ParsedTask>();
        var closingNumber = (result.Count + 1).ToString(CultureInfo.InvariantCulture);
        foreach (var p in lines)
        {
            if (p.Line == listLine || Issued().IsMatch(p.Text))
            {
                continue;
            }

            var found = Sentences(p.Text).Select(s => ClauseReader.Read(s, groups, strict: true)).Where(b => !b.IsEmpty).ToList();
            if (found.Count == 0)
            {
                continue;
            }

            bodyTasks.Add(new ParsedTask($"{closingNumber}.{bodyTasks.Count + 1}", p.Text,
                found.SelectMany(b => b.Directing).Distinct().ToList(),
                found.SelectMany(b => b.Lead).Distinct().ToList(),
                found.SelectMany(b => b.Implementing).Distinct().ToList(),
                ParsedTiming.None, p.Line)
            { ReviewReason = FromSentence });
            clauses.Add(new ParsedImplementationClause(p.Text, found.SelectMany(b => b.All).Distinct().ToList(),
                ClauseReader.ReportsTo(p.Text), ClauseReader.Frequency(p.Text)));
        }

        if (bodyTasks.Count > 0)
        {
            result.Add(new ParsedTaskGroup(closingNumber, "Tổ chức thực hiện", bodyTasks, bodyTasks[0].Line));
        }

        notes.Add(new ParseNote(listLine > 0 ? listLine : lines[0].Line,
            "Read as a narrative text: groups come from its structure, and every task needs a person to check it."));
        var title = issue is null ? lines.First().Text
            : issue.Value.Number is null ? issue.Value.Kind : $"{issue.Value.Kind} số {issue.Value.Number}";
        if (issue?.Purpose is { Length: > 0 } purpose)
        {
            title += " " + purpose;
        }

        return new ParsedPlan
        {
            Kind = issue?.Kind,
            NumberSymbol = issue?.Number,
            IssuingBody = issue?.Issuer,
            IssuedOn = issue?.Date,
            Title = title.Replace('\n', ' '),
            Groups = result,
            Implementation = clauses,
            IsNarrative = true,
            Notes = notes,
        };
    }

    private static (string Kind, string? Number, string? Issuer, DateOnly? Date, string? Purpose)? FindIssue(IReadOnlyList<PlanParagraph> lines)
    {
        var matches = lines.SelectMany(p => Issued().Matches(p.Text)).ToList();
        var plans = matches.Where(m => PlanKinds.Any(k => BodyNames.Fold(k) == BodyNames.Fold(m.Groups["k"].Value))).ToList();
        if (plans.Count == 0)
        {
            return null;
        }

        var first = plans[0];
        var number = first.Groups["n"].Value.TrimEnd('.', ',', ';');
        var dated = plans.FirstOrDefault(m => m.Groups["d"].Success && m.Groups["n"].Value.TrimEnd('.', ',', ';') == number) ?? first;
        DateOnly? date = null;
        if (dated.Groups["d"].Success)
        {
            var (y, mo, d) = (Int(dated, "y"), Int(dated, "m"), Int(dated, "d"));
            if (mo is >= 1 and <= 12 && y >= 1900 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                date = new DateOnly(y, mo, d);
            }
        }

        var issuer = first.Groups["b"].Value.Trim();
        var purpose = Purpose().Match(first.Groups["rest"].Value);
        var kind = char.ToUpperInvariant(first.Groups["k"].Value[0]) + first.Groups["k"].Value[1..].ToLowerInvariant();
        return (kind, number.Length > 0 ? number : null, BodyListSplitter.StartsLikeBody(issuer) ? issuer : null, date,
            purpose.Success ? purpose.Value.Trim().TrimEnd('.') : null);
    }

    private static (List<GroupDraft> Groups, int ListLine, int? Announced, bool InlineList) FindGroups(IReadOnlyList<PlanParagraph> lines)
    {
        int? announced = null;
        foreach (var p in lines)
        {
            if (Announced().Match(p.Text) is { Success: true } a)
            {
                announced = int.Parse(a.Groups["n"].Value, CultureInfo.InvariantCulture);
                break;
            }
        }

        foreach (var p in lines)
        {
            var list = InlineList().Match(p.Text);
            if (!list.Success)
            {
                continue;
            }

            var items = list.Groups["list"].Value.Split(';').Select(i => i.Trim().TrimEnd('.', '/').Trim()).Where(i => i.Length > 0).ToList();
            if (items.Count >= 2)
            {
                var drafts = items.Select((item, i) =>
                    new GroupDraft((i + 1).ToString(CultureInfo.InvariantCulture), char.ToUpperInvariant(item[0]) + item[1..], p.Line)).ToList();
                return (drafts, p.Line, announced, true);
            }
        }

        // Numbered paragraphs ("1. …", "Một là, …") with bulleted tasks under them.
        var groups = new List<GroupDraft>();
        foreach (var p in lines)
        {
            var numbered = NumberedItem().Match(p.Text);
            if (numbered.Success && !p.ListItem)
            {
                groups.Add(new GroupDraft((groups.Count + 1).ToString(CultureInfo.InvariantCulture), numbered.Groups["t"].Value, p.Line));
            }
            else if (groups.Count > 0 && (p.ListItem || p.Text[0] is '-' or '+' or '•'))
            {
                var g = groups[^1];
                g.Tasks.Add(new TaskDraft($"{g.Number}.{g.Tasks.Count + 1}", p.Text.TrimStart('-', '+', '•', ' '), p.Line));
            }
        }

        return groups.Count >= 2 ? (groups, groups[0].Line, announced, false) : ([], 0, announced, false);
    }

    private static IEnumerable<string> Sentences(string paragraph) =>
        SentenceEnd().Split(paragraph).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?:[Nn]gày\s+(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4}),\s*)?(?<b>[^,.;:]{3,80}?)\s+(?:đã\s+)?ban hành\s+(?<k>Kế hoạch|Chương trình|Phương án|Đề án|Chỉ thị|Nghị quyết|Quyết định)\s+số\s+(?<n>\d+[-/][^\s,;()]+)(?<rest>[^\n]*)")]
    private static partial Regex Issued();

    [GeneratedRegex(@"nhằm\s[^.]+")]
    private static partial Regex Purpose();

    [GeneratedRegex(@"(?:đề ra|gồm|với)\s+(?<n>\d{1,2})\s+nhóm", RegexOptions.IgnoreCase)]
    private static partial Regex Announced();

    [GeneratedRegex(@"(?:nhiệm vụ|giải pháp)[^:]{0,60}?(?:đó là|gồm có|bao gồm|gồm|như sau|cụ thể là)\s*:\s*(?<list>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex InlineList();

    [GeneratedRegex(@"^(?:\d{1,2}\s*[.)]|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười) là,|Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười),)\s*(?<t>\S.*)$", RegexOptions.Singleline)]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})|\./\.")]
    private static partial Regex SentenceEnd();
}
