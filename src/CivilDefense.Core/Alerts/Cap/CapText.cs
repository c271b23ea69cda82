using System.Globalization;
using System.Text;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// The small text grammars inside CAP elements (polygon, circle, references, addresses), parsed
/// once here so the reader and the validator agree on what a well-formed value is.
/// </summary>
public static class CapText
{
    private static readonly char[] Space = [' ', '\t', '\r', '\n'];

    /// <summary>"lat,lon lat,lon ..." — null and a reason when a pair is not two numbers.</summary>
    public static IReadOnlyList<CapPoint>? ParsePoints(string text, out string? problem)
    {
        var points = new List<CapPoint>();
        foreach (var pair in text.Split(Space, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParsePoint(pair, out var point))
            {
                problem = $"'{Shorten(pair)}' is not a 'latitude,longitude' pair.";
                return null;
            }

            points.Add(point);
        }

        problem = null;
        return points;
    }

    /// <summary>"lat,lon radius" — null and a reason when it does not have that shape.</summary>
    public static CapCircle? ParseCircle(string text, out string? problem)
    {
        var parts = text.Split(Space, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !TryParsePoint(parts[0], out var center) || !TryNumber(parts[1], out var radius))
        {
            problem = $"'{Shorten(text)}' is not 'latitude,longitude radius'.";
            return null;
        }

        problem = null;
        return new CapCircle(center, radius);
    }

    /// <summary>Space-separated "sender,identifier,sent" triplets; null and a reason on the first bad one.</summary>
    public static IReadOnlyList<CapReference>? ParseReferences(string text, out string? problem)
    {
        var references = new List<CapReference>();
        foreach (var triplet in text.Split(Space, StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = triplet.Split(',');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !CapTime.TryParse(parts[2], out var sent))
            {
                problem = $"'{Shorten(triplet)}' is not a 'sender,identifier,sent' triplet.";
                return null;
            }

            references.Add(new CapReference(parts[0], parts[1], sent));
        }

        problem = null;
        return references;
    }

    /// <summary>Space-delimited list where an item holding a space is in double quotes (addresses, incidents).</summary>
    public static IReadOnlyList<string> ParseQuotedList(string text)
    {
        var items = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Space, c) >= 0)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return items;

        void Flush()
        {
            if (current.Length > 0)
            {
                items.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>
    /// A full URI with its scheme. Uri.TryCreate alone is not enough: on Unix it takes "/x/y" for
    /// an absolute file path.
    /// </summary>
    public static bool IsAbsoluteUri(string text)
    {
        var colon = text.IndexOf(':');
        return colon > 0 && char.IsAsciiLetter(text[0]) && text[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            && Uri.TryCreate(text, UriKind.Absolute, out _);
    }

    public static string FormatQuotedList(IEnumerable<string> items) =>
        string.Join(' ', items.Select(i => i.IndexOfAny(Space) >= 0 ? $"\"{i}\"" : i));

    public static string FormatPoints(IEnumerable<CapPoint> points) =>
        string.Join(' ', points.Select(FormatPoint));

    public static string FormatCircle(CapCircle circle) =>
        $"{FormatPoint(circle.Center)} {Number(circle.RadiusKm)}";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatPoint(CapPoint p) => $"{Number(p.Latitude)},{Number(p.Longitude)}";

    private static bool TryParsePoint(string pair, out CapPoint point)
    {
        point = default;
        var comma = pair.IndexOf(',');
        if (comma < 0 || !TryNumber(pair[..comma], out var lat) || !TryNumber(pair[(comma + 1)..], out var lon))
        {
            return false;
        }

        point = new CapPoint(lat, lon);
        return true;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
