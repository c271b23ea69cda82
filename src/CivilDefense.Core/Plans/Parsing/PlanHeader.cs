using System.Globalization;
using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>What the opening lines of a plan say: kind, number and symbol, issuing body, place and date, title.</summary>
internal sealed record HeaderFields(string? Kind, string? NumberSymbol, string? IssuingBody, DateOnly? IssuedOn, string? IssuedAt, string? Title);

/// <summary>
/// Reads the administrative header (Decree 30/2020 layout) and the closing blocks: "Nơi nhận"
/// recipients and the signature (title lines in capitals, then the signer's name).
/// </summary>
internal static partial class PlanHeader
{
    private static readonly string[] Kinds =
        ["Kế hoạch", "Chỉ thị", "Nghị quyết", "Quyết định", "Chương trình", "Hướng dẫn", "Thông báo", "Đề án", "Phương án", "Kết luận"];

    private static readonly string[] IssuerStarts =
        ["tinh uy", "ban thuong vu", "ban chap hanh", "uy ban nhan dan", "ubnd", "hoi dong nhan dan", "bo chi huy", "ban chi huy",
         "dang uy", "huyen uy", "thanh uy", "thi uy", "so ", "cong an", "ban chi dao", "bo ", "thanh pho"];

    private static readonly string[] NationalLines = ["dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc"];

    public static HeaderFields Read(IReadOnlyList<PlanParagraph> preamble)
    {
        string? kind = null, number = null, issuer = null, place = null, title = null;
        DateOnly? date = null;
        for (var i = 0; i < preamble.Count; i++)
        {
            var text = preamble[i].Text;
            var folded = BodyNames.Fold(text);
            if (NationalLines.Any(n => folded.StartsWith(n, StringComparison.Ordinal)))
            {
                continue;
            }

            if (number is null && NumberLine().Match(text) is { Success: true } n)
            {
                number = n.Groups["n"].Value.TrimEnd('.', ',', ';');
            }

            if (date is null && PlaceDate().Match(text) is { Success: true } d && TryDate(d, out var day))
            {
                date = day;
                place = d.Groups["place"].Value.Trim();
                continue;
            }

            if (kind is null && Kinds.FirstOrDefault(k => BodyNames.Fold(k) == folded.Trim().TrimEnd('.', ':')) is { } k)
            {
                kind = k;
                title = TitleAfter(preamble, i, k);
                continue;
            }

            if (issuer is null && PlanText.IsUpperLine(text) && text.Length < 120 && IssuerStarts.Any(s => folded.StartsWith(s, StringComparison.Ordinal)))
            {
                issuer = text.Split('\n')[0].Trim();
            }
        }

        // "…, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch thực hiện như sau": the issuer named in the opening sentence.
        var opening = string.Join(' ', preamble.Select(p => p.Text));
        if (issuer is null && IssuerInSentence().Match(opening) is { Success: true } m)
        {
            issuer = m.Groups["b"].Value.Trim();
        }

        if (number is null && kind is not null && KindNumber().Match(opening) is { Success: true } kn
            && BodyNames.Fold(kn.Groups["k"].Value) == BodyNames.Fold(kind))
        {
            number = kn.Groups["n"].Value.TrimEnd('.', ',', ';');
        }

        return new HeaderFields(kind, number, issuer, date, place, title);
    }

    /// <summary>"Nơi nhận:" opens the recipients list.</summary>
    public static bool IsRecipientsStart(string text, out string rest)
    {
        var m = Recipients().Match(BodyNames.Fold(text));
        rest = m.Success ? text[m.Length..].Trim() : "";
        return m.Success;
    }

    /// <summary>A recipient line without its bullet, trailing punctuation and "(báo cáo)"-style notes.</summary>
    public static string Recipient(string line) =>
        RecipientNote().Replace(line.Trim().TrimStart('-', '+', '•').Trim(), "").Trim().TrimEnd(',', ';', '.').Trim();

    /// <summary>"T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "KT. CHỦ TỊCH"…</summary>
    public static bool IsSignatureTitle(string text)
    {
        var first = text.Split('\n')[0].Trim();
        return PlanText.IsUpperLine(first) && first.Length < 80 && SignatureTitle().IsMatch(BodyNames.Fold(first));
    }

    /// <summary>A person's name: two to six capitalised words, no digits, not in capitals.</summary>
    public static bool IsPersonName(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && !PlanText.IsUpperLine(text) && !text.Contains('\n')
            && words.All(w => char.IsUpper(w[0]) && w.All(char.IsLetter));
    }

    private static string? TitleAfter(IReadOnlyList<PlanParagraph> preamble, int kindIndex, string kind)
    {
        if (kindIndex + 1 >= preamble.Count)
        {
            return null;
        }

        var next = preamble[kindIndex + 1].Text.Replace('\n', ' ').Trim();
        if (PlaceDate().IsMatch(next) || next.Length > 400)
        {
            return null;
        }

        return char.IsLower(next[0]) ? $"{kind} {next}" : next;
    }

    private static bool TryDate(Match m, out DateOnly date)
    {
        date = default;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (mo is < 1 or > 12 || d < 1 || y < 1900 || d > DateTime.DaysInMonth(y, mo))
        {
            return false;
        }

        date = new DateOnly(y, mo, d);
        return true;
    }

    [GeneratedRegex(@"^Số\s*[:.]?\s*(?<n>\d+[^\s,;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"(?<k>Kế hoạch|Chỉ thị|Nghị quyết|Quyết định|Chương trình|Hướng dẫn|Đề án|Phương án)\s+số\s*:?\s*(?<n>\d+[-/][^\s,;()]+)", RegexOptions.IgnoreCase)]
    private static partial Regex KindNumber();

    [GeneratedRegex(@"^(?<place>[^,\n]{2,60}),\s*ngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@",\s*(?<b>(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Ủy ban nhân dân|UBND|Hội đồng nhân dân|Bộ Chỉ huy|Ban Chỉ huy|Đảng ủy|Ban Chỉ đạo)[^,;.]{0,80}?)\s+(?:đã\s+)?ban hành")]
    private static partial Regex IssuerInSentence();

    [GeneratedRegex(@"^noi nhan\s*:?\s*")]
    private static partial Regex Recipients();

    [GeneratedRegex(@"\s*\((?:để\s+)?(?:báo cáo|b/c|thực hiện|t/h|phối hợp|biết|chỉ đạo)\)", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientNote();

    [GeneratedRegex(@"^(?:t/m|tm\.|k/t|kt\.|q\.|t/l|tl\.|tuq\.|bi thu|pho bi thu|chu tich|pho chu tich|giam doc|pho giam doc|truong ban|pho truong ban|chi huy truong|thu truong)")]
    private static partial Regex SignatureTitle();
}
