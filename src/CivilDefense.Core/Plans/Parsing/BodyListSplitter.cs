using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Splits a list of bodies on ';', ',' and " và " into single mentions, as written. Group phrases
/// ("các cấp ủy, tổ chức đảng, chính quyền") are kept whole, and a piece after ',' or " và " that
/// does not start like an organisation ("Thể thao và Du lịch", "đảng đoàn") stays with the piece
/// before it, so "Sở Văn hóa, Thể thao và Du lịch" is one body. ';' always separates. The hyphen
/// of "chính trị - xã hội" is never a separator.
/// </summary>
public static class BodyListSplitter
{
    /// <summary>First words (folded) that start an organisation's name or a collective.</summary>
    private static readonly string[] Heads =
    [
        "ban", "so", "bo", "cuc", "chi cuc", "truong", "vien", "dai", "bao", "doan", "hoi", "cac", "nhung",
        "ubnd", "hdnd", "mttq", "ubmttq", "bchqs", "bdbp", "ca", "btv", "vptu", "ubkt",
        "dang uy", "dang doan", "dang bo", "uy ban", "hoi dong", "cong an", "cong ty", "tong cong ty", "van phong",
        "tinh uy", "tinh doan", "huyen uy", "thi uy", "thanh uy", "mat tran", "lien doan", "lien minh", "trung tam",
        "quan khu", "benh vien", "kho bac", "ngan hang", "thanh tra", "canh sat", "toa an", "chi bo", "cap uy",
        "chinh quyen", "thuong truc", "chu tich", "giam doc", "thu truong", "nguoi dung dau", "luc luong", "phong",
        "tram", "hat kiem lam", "chi nhanh", "vuon quoc gia", "cang vu", "dien luc", "buu dien", "hop tac xa", "doanh nghiep",
    ];

    public static IReadOnlyList<string> Split(string? list, IReadOnlyList<GroupPhrase>? groups = null)
    {
        var text = (list ?? "").Trim().TrimEnd('.', ',', ';', ':').Trim();
        if (text.Length == 0)
        {
            return [];
        }

        var spans = GroupPhrases.FindSpans(text, groups ?? GroupPhrases.Default);
        var pieces = new List<(string Separator, int Start, int End)>();
        var separator = "";
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var span = spans.FirstOrDefault(s => s.Start <= i && i < s.End);
            if (span.Phrase is not null)
            {
                i = span.End;
                continue;
            }

            var width = text[i] is ';' or ',' ? 1 : string.CompareOrdinal(text, i, " và ", 0, 4) == 0 ? 4 : 0;
            if (width == 0)
            {
                i++;
                continue;
            }

            pieces.Add((separator, start, i));
            separator = width == 1 ? text[i].ToString() : " và ";
            start = i + width;
            i = start;
        }

        pieces.Add((separator, start, text.Length));
        var result = new List<string>();
        foreach (var (sep, from, to) in pieces)
        {
            var piece = text[from..to].Trim().TrimStart('-', '+', '•').Trim();
            if (piece.Length == 0)
            {
                continue;
            }

            var startsGroup = spans.Any(s => s.Start >= from && s.Start <= from + (text[from..to].Length - text[from..to].TrimStart().Length));
            if (result.Count > 0 && sep != ";" && !startsGroup && !StartsLikeBody(piece))
            {
                result[^1] += (sep == "," ? ", " : sep) + piece;
            }
            else
            {
                result.Add(piece);
            }
        }

        return result.Select(r => r.Trim().TrimEnd('.', ',', ';', ':').Trim()).Where(r => r.Length > 0).ToList();
    }

    /// <summary>Starts with a capitalised organisation word, or with "các"/"những" in any case.</summary>
    internal static bool StartsLikeBody(string piece)
    {
        var folded = BodyNames.Fold(piece);
        foreach (var head in Heads)
        {
            if (folded.StartsWith(head, StringComparison.Ordinal) && (folded.Length == head.Length || !char.IsLetterOrDigit(folded[head.Length])))
            {
                return char.IsUpper(piece[0]) || head is "cac" or "nhung";
            }
        }

        return false;
    }
}
