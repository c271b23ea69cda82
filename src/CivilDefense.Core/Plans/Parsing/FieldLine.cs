using System.Text.RegularExpressions;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

internal enum FieldKind
{
    Directing,
    Lead,
    Implementing,
    Timing,
}

/// <summary>
/// A task's field line: "Cơ quan chỉ đạo: …", "Cơ quan chủ trì tham mưu: …", "Cơ quan tổ chức
/// thực hiện: …", "Thời gian thực hiện: …" (emphasis already removed, so "*Cơ quan chỉ đạo*:" and
/// "*Cơ quan chỉ đạo:*" read alike). Labels are matched folded, so a missing accent still reads.
/// "Cơ quan phối hợp" counts as implementing: each of those bodies has a share of the work.
/// </summary>
internal static partial class FieldLine
{
    public static (FieldKind Kind, string Value)? TryParse(string text)
    {
        var m = Label().Match(BodyNames.Fold(text));
        if (!m.Success)
        {
            return null;
        }

        var label = m.Groups["label"].Value;
        var kind = label.Contains("chi dao", StringComparison.Ordinal) ? FieldKind.Directing
            : label.Contains("chu tri", StringComparison.Ordinal) || label.Contains("tham muu", StringComparison.Ordinal) ? FieldKind.Lead
            : label.StartsWith("thoi", StringComparison.Ordinal) || label.StartsWith("tien do", StringComparison.Ordinal) ? FieldKind.Timing
            : FieldKind.Implementing;
        var value = text[m.Length..].Trim().TrimEnd('.', ',', ';', ':').Trim();
        return (kind, value);
    }

    [GeneratedRegex(@"^(?<label>(?:co quan|don vi)\s+(?:chi dao|chu tri tham muu|chu tri|tham muu|to chuc thuc hien|thuc hien|phoi hop(?: thuc hien)?)|chi dao|chu tri(?: tham muu)?|phoi hop(?: thuc hien)?|to chuc thuc hien|thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh| thuc hien)?|tien do(?: thuc hien)?)\s*[:：]\s*")]
    private static partial Regex Label();
}
