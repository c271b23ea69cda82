using DocumentFormat.OpenXml.Wordprocessing;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Renders Word's automatic numbering ("%1.%2." with decimal, roman or letter formats) the way Word
/// shows it, counting per numbering instance and restarting deeper levels when a level advances.
/// </summary>
internal sealed class NumberingRenderer
{
    public sealed record Label(string Text, bool Bullet);

    private sealed record LevelFormat(int Start, string Format, string Text);

    private readonly Dictionary<int, Dictionary<int, LevelFormat>> _levels = [];
    private readonly Dictionary<int, int[]> _counters = [];

    public NumberingRenderer(Numbering? numbering)
    {
        if (numbering is null)
        {
            return;
        }

        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .GroupBy(a => a.AbstractNumberId!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            var numId = instance.NumberID?.Value;
            var abstractId = instance.AbstractNumId?.Val?.Value;
            if (numId is null || abstractId is null || !abstracts.TryGetValue(abstractId.Value, out var a))
            {
                continue;
            }

            _levels[numId.Value] = a.Elements<Level>()
                .Where(l => l.LevelIndex?.Value is >= 0 and < 9)
                .GroupBy(l => l.LevelIndex!.Value)
                .ToDictionary(g => g.Key, g => new LevelFormat(
                    g.First().StartNumberingValue?.Val?.Value ?? 1,
                    g.First().NumberingFormat?.Val?.InnerText ?? "decimal",
                    g.First().LevelText?.Val?.Value ?? ""));
        }
    }

    public Label? Next(int? numId, int level)
    {
        if (numId is null || !_levels.TryGetValue(numId.Value, out var levels) || !levels.TryGetValue(level, out var format))
        {
            return null;
        }

        if (format.Format == "bullet")
        {
            return new Label("", true);
        }

        if (!_counters.TryGetValue(numId.Value, out var counters))
        {
            counters = new int[9];
            for (var i = 0; i < 9; i++)
            {
                counters[i] = (levels.TryGetValue(i, out var f) ? f.Start : 1) - 1;
            }

            _counters[numId.Value] = counters;
        }

        counters[level]++;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            counters[deeper] = (levels.TryGetValue(deeper, out var f) ? f.Start : 1) - 1;
        }

        var text = format.Text;
        for (var i = 0; i <= level; i++)
        {
            var f = levels.TryGetValue(i, out var lf) ? lf.Format : "decimal";
            text = text.Replace("%" + (i + 1), Render(Math.Max(counters[i], levels.TryGetValue(i, out var s) ? s.Start : 1), f));
        }

        return format.Format == "none" ? null : new Label(text, false);
    }

    private static string Render(int n, string format) => format switch
    {
        "upperRoman" => Roman(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperLetter" => ((char)('A' + ((n - 1) % 26))).ToString(),
        "lowerLetter" => ((char)('a' + ((n - 1) % 26))).ToString(),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Roman(int n)
    {
        var values = new[] { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
        var symbols = new[] { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
        var result = "";
        for (var i = 0; i < values.Length && n > 0; i++)
        {
            while (n >= values[i])
            {
                result += symbols[i];
                n -= values[i];
            }
        }

        return result;
    }
}
