using System.Globalization;
using System.Text;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Cleans paragraphs before parsing: NFC, odd spaces and invisible characters, stray letters of a
/// non-Latin script (a Myanmar 'ေ' in "chùng chေo"), and sentences broken across two paragraphs by a
/// page break (the first ends without punctuation, the next starts in lower case).
/// </summary>
internal static partial class PlanText
{
    public static List<PlanParagraph> Clean(IReadOnlyList<PlanParagraph> paragraphs, List<ParseNote> notes)
    {
        var cleaned = new List<PlanParagraph>();
        foreach (var p in paragraphs)
        {
            var text = CleanText(p.Text ?? "", p.Line, notes);
            if (text.Any(char.IsLetterOrDigit))
            {
                cleaned.Add(p with { Text = text });
            }
        }

        var joined = new List<PlanParagraph>();
        foreach (var p in cleaned)
        {
            if (joined.Count > 0 && IsBrokenSentence(joined[^1], p))
            {
                notes.Add(new ParseNote(joined[^1].Line, $"Joined a sentence broken across two paragraphs (lines {joined[^1].Line} and {p.Line}), probably by a page break."));
                joined[^1] = joined[^1] with { Text = joined[^1].Text + " " + p.Text };
            }
            else
            {
                joined.Add(p);
            }
        }

        return joined;
    }

    public static bool IsUpperLine(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    private static string CleanText(string text, int line, List<ParseNote> notes)
    {
        var s = text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '\n')
            {
                sb.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                sb.Append(' ');
            }
            else if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c))
            {
                // Zero-width spaces, soft hyphens, BOMs and control characters carry nothing.
            }
            else if (IsForeignLetterOrMark(c))
            {
                notes.Add(new ParseNote(line, $"Removed a stray character '{c}' (U+{(int)c:X4}) that is not Vietnamese."));
            }
            else
            {
                sb.Append(c);
            }
        }

        var lines = sb.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return string.Join('\n', lines.Where(l => l.Length > 0));
    }

    /// <summary>
    /// A letter or a combining/vowel sign outside Latin (Basic Latin to Latin Extended-B, the
    /// combining diacritics and Latin Extended Additional, where Vietnamese lives). The Myanmar
    /// 'ေ' is a spacing mark, not a letter, so marks count too.
    /// </summary>
    private static bool IsForeignLetterOrMark(char c)
    {
        if (c <= '\u024F' || c is >= '\u0300' and <= '\u036F' || c is >= '\u1E00' and <= '\u1EFF')
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsBrokenSentence(PlanParagraph before, PlanParagraph next)
    {
        if (before.HeadingLevel > 0 || next.HeadingLevel > 0 || before.Bold || next.Bold || next.ListItem
            || before.Text.Contains('\n') || IsUpperLine(before.Text))
        {
            return false;
        }

        if (LetterItem().IsMatch(next.Text))
        {
            return false;
        }

        var last = before.Text[^1];
        var first = next.Text[0];
        return (char.IsLetterOrDigit(last) || last == ',') && char.IsLower(first);
    }

    /// <summary>"b) Diễn tập…" starts an item of its own, not the rest of a sentence.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-zđ][).]\s")]
    private static partial System.Text.RegularExpressions.Regex LetterItem();
}
