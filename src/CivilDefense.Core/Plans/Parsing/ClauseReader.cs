using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>Bodies stated in a sentence: who directs, who leads (chủ trì), who carries it out.</summary>
internal sealed record SentenceBodies(IReadOnlyList<string> Directing, IReadOnlyList<string> Lead, IReadOnlyList<string> Implementing)
{
    public bool IsEmpty => Directing.Count == 0 && Lead.Count == 0 && Implementing.Count == 0;

    public IEnumerable<string> All => Directing.Concat(Lead).Concat(Implementing);
}

/// <summary>
/// Reads bodies out of running text, for "Tổ chức thực hiện" clauses and narrative plans. The
/// subject of a sentence is the text before its first verb ("căn cứ", "chủ trì", "chỉ đạo"…),
/// skipping verbs inside group phrases ("các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy")
/// and "tổ chức" used as a noun ("các tổ chức chính trị - xã hội").
/// </summary>
internal static partial class ClauseReader
{
    /// <summary>
    /// The bodies of one sentence. <paramref name="strict"/> (narrative texts) takes only the
    /// assigning verbs (giao, chủ trì, chỉ đạo, yêu cầu); otherwise the subject of any verb carries it out.
    /// </summary>
    public static SentenceBodies Read(string sentence, IReadOnlyList<GroupPhrase> groups, bool strict = false)
    {
        var s = sentence.Trim();
        s = Giao().IsMatch(s) ? s : AfterLeadingAdverbial(s);
        var directing = new List<string>();
        var lead = new List<string>();
        var implementing = new List<string>();
        var rest = s;
        var giao = Giao().Match(s);
        if (giao.Success)
        {
            var before = s[..giao.Index].Trim();
            if (before.Length > 0 && BodyListSplitter.StartsLikeBody(before) && FindVerb(before, groups) is null)
            {
                directing.AddRange(BodyListSplitter.Split(before, groups));
            }

            rest = s[(giao.Index + giao.Length)..];
            if (Subject(rest, groups) is { } assigned)
            {
                lead.AddRange(BodyListSplitter.Split(assigned.Subject, groups));
                AddPartners(rest[assigned.VerbAt..], implementing, groups);
            }

            return new SentenceBodies(directing, lead, implementing);
        }

        if (!BodyListSplitter.StartsLikeBody(s) || Subject(s, groups) is not { } found)
        {
            return new SentenceBodies([], [], []);
        }

        var bodies = BodyListSplitter.Split(found.Subject, groups);
        var after = s[found.VerbAt..];
        switch (found.Verb)
        {
            case "chủ trì":
                lead.AddRange(bodies);
                AddPartners(after, implementing, groups);
                break;
            case "chỉ đạo" or "lãnh đạo":
                directing.AddRange(bodies);
                break;
            case "yêu cầu":
                directing.AddRange(bodies);
                var asked = after["yêu cầu".Length..].TrimStart(' ', ':');
                if (BodyListSplitter.StartsLikeBody(asked) && Subject(asked, groups) is { } target)
                {
                    implementing.AddRange(BodyListSplitter.Split(target.Subject, groups));
                }

                break;
            case "ban hành":
                break;
            default:
                if (!strict)
                {
                    implementing.AddRange(bodies);
                }

                break;
        }

        return new SentenceBodies(directing, lead, implementing);
    }

    /// <summary>"báo cáo Ban Thường vụ Tỉnh ủy (qua Đảng ủy Quân sự tỉnh)" → that body with its channel; the last report named wins.</summary>
    public static string? ReportsTo(string text)
    {
        string? found = null;
        foreach (Match m in Report().Matches(text))
        {
            var name = m.Groups["to"].Value.Trim().TrimEnd('.', ',', ';', ':').Trim();
            if (name.Length > 0 && BodyListSplitter.StartsLikeBody(name))
            {
                found = m.Groups["via"].Success ? $"{name} (qua {m.Groups["via"].Value.Trim()})" : name;
            }
        }

        return found;
    }

    /// <summary>How often reports are due, as written: "hằng năm", "định kỳ", "6 tháng"…</summary>
    public static string? Frequency(string text)
    {
        var m = FrequencyWords().Match(text);
        return m.Success ? m.Value.ToLowerInvariant() : null;
    }

    /// <summary>The text before the first verb, when it is a plausible list of bodies.</summary>
    public static (string Subject, string Verb, int VerbAt)? Subject(string text, IReadOnlyList<GroupPhrase> groups)
    {
        if (FindVerb(text, groups) is not { } verb || verb.At == 0)
        {
            return null;
        }

        var subject = Auxiliary().Replace(text[..verb.At].Trim().TrimEnd(',', ':').Trim(), "");
        return subject.Length is > 0 and <= 400 ? (subject, verb.Verb, verb.At + 1) : null;
    }

    private static (string Verb, int At)? FindVerb(string text, IReadOnlyList<GroupPhrase> groups)
    {
        var spans = GroupPhrases.FindSpans(text, groups);
        foreach (Match m in Verb().Matches(text))
        {
            if (!spans.Any(s => s.Start <= m.Index && m.Index < s.End))
            {
                return (m.Groups["v"].Value, m.Index);
            }
        }

        return null;
    }

    private static void AddPartners(string afterVerb, List<string> implementing, IReadOnlyList<GroupPhrase> groups)
    {
        var with = PartnersStart().Match(afterVerb);
        if (!with.Success)
        {
            return;
        }

        var partners = afterVerb[(with.Index + with.Length)..];
        var cut = FindVerb(" " + partners, groups) is { } v ? Math.Max(0, v.At - 1) : partners.Length;
        var list = partners[..cut].Trim().TrimEnd(',', '.', ';').Trim();
        if (list.Length > 0 && list.Length <= 400)
        {
            implementing.AddRange(BodyListSplitter.Split(list, groups));
        }
    }

    /// <summary>"Để Kế hoạch … có hiệu quả, Ban Thường vụ Tỉnh ủy yêu cầu …": the sentence's subject follows the opening clause.</summary>
    private static string AfterLeadingAdverbial(string s)
    {
        if (BodyListSplitter.StartsLikeBody(s))
        {
            return s;
        }

        var at = 0;
        while ((at = s.IndexOf(", ", at, StringComparison.Ordinal)) >= 0)
        {
            var rest = s[(at + 2)..];
            if (rest.Length > 0 && char.IsUpper(rest[0]) && BodyListSplitter.StartsLikeBody(rest))
            {
                return rest;
            }

            at += 2;
        }

        return s;
    }

    [GeneratedRegex(@"\s+(?:đã|sẽ|đang|cũng)$")]
    private static partial Regex Auxiliary();

    [GeneratedRegex(@"(?:^|\s)[Gg]iao\s+")]
    private static partial Regex Giao();

    [GeneratedRegex(@"(?:^|\s)phối hợp(?: chặt chẽ)? với\s+")]
    private static partial Regex PartnersStart();

    [GeneratedRegex(@"\s(?<v>căn cứ|chủ trì|chỉ đạo|lãnh đạo|đẩy mạnh|tổ chức(?! (?:chính trị|đảng|hội|đoàn thể|xã hội|liên quan|cơ sở|quốc tế))|có trách nhiệm|chịu trách nhiệm|theo dõi|phối hợp|thực hiện|triển khai|xây dựng|tham mưu|hướng dẫn|tăng cường|quán triệt|tuyên truyền|cụ thể hóa|rà soát|nghiên cứu|bảo đảm|kiểm tra|giám sát|yêu cầu|ban hành|cần|phải|tập trung|chủ động|khẩn trương|đôn đốc|vận động)(?=[\s,.:;]|$)")]
    private static partial Regex Verb();

    [GeneratedRegex(@"báo cáo(?:\s+(?:kết quả|kết quả thực hiện|tình hình thực hiện|về|cho|với|lên|gửi))*\s+(?<to>\p{Lu}[^,;.()]*?)\s*(?:\((?:qua\s+)(?<via>[^)]+)\))?(?=[,;.]|$|\s*\()")]
    private static partial Regex Report();

    [GeneratedRegex(@"\b(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần)|định kỳ|\d+\s+tháng(?:\s+một lần)?|(?:mỗi|một)\s+năm", RegexOptions.IgnoreCase)]
    private static partial Regex FrequencyWords();
}
