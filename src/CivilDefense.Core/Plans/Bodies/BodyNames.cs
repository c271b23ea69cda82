using System.Globalization;
using System.Text;

namespace CivilDefense.Core.Plans.Bodies;

/// <summary>
/// Normalises organisation names for matching: Unicode NFC, case, diacritics folded (đ→d),
/// punctuation and whitespace, abbreviations expanded (UBND → Ủy ban nhân dân…), a leading
/// "các"/"những" dropped. Both a mention and a registry name go through <see cref="Key"/>, so
/// "UBND tỉnh" and "Ủy ban nhân dân tỉnh" meet in the same key whichever side abbreviates.
/// </summary>
public static class BodyNames
{
    /// <summary>Mentions longer than this are cut before matching: a 2,000-character "name" is not a name.</summary>
    public const int MaxMentionLength = 300;

    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>
    /// Case-sensitive abbreviations as plans write them. Short ones ("CA", "TU") only in upper case,
    /// so the fish in "Hội Nghề cá" never turns into police.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Abbreviations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["UBND"] = "Ủy ban nhân dân",
        ["HĐND"] = "Hội đồng nhân dân",
        ["MTTQ"] = "Mặt trận Tổ quốc",
        ["MTTQVN"] = "Mặt trận Tổ quốc Việt Nam",
        ["UBMTTQ"] = "Ủy ban Mặt trận Tổ quốc",
        ["UBMTTQVN"] = "Ủy ban Mặt trận Tổ quốc Việt Nam",
        ["BCHQS"] = "Ban Chỉ huy quân sự",
        ["CHQS"] = "Chỉ huy quân sự",
        ["BĐBP"] = "Bộ đội Biên phòng",
        ["CHBĐBP"] = "Chỉ huy Bộ đội Biên phòng",
        ["CA"] = "Công an",
        ["BTV"] = "Ban Thường vụ",
        ["TU"] = "Tỉnh ủy",
        ["VPTU"] = "Văn phòng Tỉnh ủy",
        ["UBKT"] = "Ủy ban Kiểm tra",
        ["BCS"] = "Ban cán sự",
        ["BCSĐ"] = "Ban cán sự đảng",
        ["ĐUQS"] = "Đảng ủy Quân sự",
        ["NN&MT"] = "Nông nghiệp và Môi trường",
        ["NN&PTNT"] = "Nông nghiệp và Phát triển nông thôn",
        ["TN&MT"] = "Tài nguyên và Môi trường",
        ["KH&CN"] = "Khoa học và Công nghệ",
        ["GD&ĐT"] = "Giáo dục và Đào tạo",
        ["TT&TT"] = "Thông tin và Truyền thông",
        ["LĐTB&XH"] = "Lao động Thương binh và Xã hội",
        ["PTDS"] = "Phòng thủ dân sự",
        ["KTTV"] = "Khí tượng Thủy văn",
        ["CTĐ"] = "Chữ thập đỏ",
        ["BVĐK"] = "Bệnh viện Đa khoa",
        ["YT"] = "Y tế",
        ["QS"] = "Quân sự",
        ["BCH"] = "Ban Chỉ huy",
        ["BCĐ"] = "Ban Chỉ đạo",
        ["TKCN"] = "Tìm kiếm cứu nạn",
        ["PCTT"] = "Phòng chống thiên tai",
        ["UB"] = "Ủy ban",
        ["TP"] = "Thành phố",
    };

    private static readonly Dictionary<string, string> FoldedAbbreviations =
        Abbreviations.ToDictionary(a => a.Key, a => string.Join(' ', Tokens(Fold(a.Value))), StringComparer.Ordinal);

    private static readonly HashSet<string> LeadingCollectiveWords = new(StringComparer.Ordinal) { "cac", "nhung" };

    /// <summary>Folds one character: lower case, diacritics removed, đ→d. One char in, one char out.</summary>
    public static char FoldChar(char c) => FoldTable[c];

    /// <summary>Folds a string character by character, so indexes in the result are indexes in the input.</summary>
    public static string Fold(string text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = FoldTable[text[i]];
        }

        return new string(chars);
    }

    /// <summary>The matching key of a name: folded, abbreviations expanded, punctuation gone, leading "các" dropped.</summary>
    public static string Key(string? mention)
    {
        if (string.IsNullOrWhiteSpace(mention))
        {
            return "";
        }

        var text = mention.Length > MaxMentionLength ? mention[..MaxMentionLength] : mention;
        text = text.Normalize(NormalizationForm.FormC);
        var parts = new List<string>();
        foreach (var token in Tokens(text))
        {
            parts.Add(FoldedAbbreviations.TryGetValue(token, out var expanded) ? expanded : Fold(token));
        }

        var start = 0;
        while (start < parts.Count - 1 && LeadingCollectiveWords.Contains(parts[start]))
        {
            start++;
        }

        return string.Join(' ', parts.Skip(start));
    }

    /// <summary>Words of a name: letters, digits and '&amp;' ("NN&amp;MT" stays one word); everything else separates.</summary>
    public static IEnumerable<string> Tokens(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '&' || IsCombining(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (c < 128 || char.IsSurrogate(c))
            {
                table[i] = char.ToLowerInvariant(c);
                continue;
            }

            if (c is 'đ' or 'Đ')
            {
                table[i] = 'd';
                continue;
            }

            try
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                table[i] = decomposed.Length > 0 ? char.ToLowerInvariant(decomposed[0]) : c;
            }
            catch (ArgumentException)
            {
                // Noncharacters such as U+FFFE do not normalise; they match nothing anyway.
                table[i] = c;
            }
        }

        return table;
    }
}
