using System.Text.RegularExpressions;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Markdown and plain text to paragraphs: one paragraph per non-blank line ('#' headings,
/// '-'/'+'/'•' bullets and '**…**' recorded as hints, emphasis markers removed). A bold span left
/// open at the end of a line continues on the next ("**T/M BAN THƯỜNG VỤ␣␣\nPHÓ BÍ THƯ**"), and
/// the lines are kept together with '\n'.
/// </summary>
internal static partial class MarkdownParagraphs
{
    public static List<PlanParagraph> Read(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n').Split('\n');
        var result = new List<PlanParagraph>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || Rule().IsMatch(line))
            {
                continue;
            }

            var first = i;
            // An unbalanced "**" spans lines: join at most a few, the signature block's title lines.
            while (CountBold(line) % 2 == 1 && i + 1 < lines.Length && i - first < 4 && lines[i + 1].Trim().Length > 0)
            {
                i++;
                line += "\n" + lines[i].Trim();
            }

            result.Add(Paragraph(line, first + 1));
        }

        return result;
    }

    private static PlanParagraph Paragraph(string line, int number)
    {
        var heading = 0;
        var h = Heading().Match(line);
        if (h.Success)
        {
            heading = h.Groups[1].Length;
            line = h.Groups[2].Value.TrimEnd('#', ' ');
        }

        line = Quote().Replace(line, "");
        var list = false;
        var b = Bullet().Match(line);
        if (b.Success)
        {
            list = true;
            line = b.Groups[1].Value;
        }

        var bold = WholeBold().IsMatch(line);
        var italic = !bold && WholeItalic().IsMatch(line);
        var text = Escape().Replace(Emphasis().Replace(line, ""), "$1");
        text = string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return new PlanParagraph(text, number) { HeadingLevel = heading, Bold = bold, Italic = italic, ListItem = list };
    }

    private static int CountBold(string line) => line.Split("**").Length - 1;

    [GeneratedRegex(@"^([-*_])(\s*\1){2,}$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(>\s*)+")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^(?:[-+•–]|\*(?=\s))\s+(.*)$", RegexOptions.Singleline)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(\*\*|__)[\s\S]+(\*\*|__)[.:]?$")]
    private static partial Regex WholeBold();

    [GeneratedRegex(@"^[*_][^*_][\s\S]*[^*_][*_][.:]?$")]
    private static partial Regex WholeItalic();

    /// <summary>'*' anywhere, '_' only at a word's edge (so snake_case text survives).</summary>
    [GeneratedRegex(@"\*+|(?<!\w)_+|_+(?!\w)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!])")]
    private static partial Regex Escape();
}
