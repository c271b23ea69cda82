using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

public enum CapFeedKind
{
    Atom,
    Rss,
}

/// <summary>A feed of alerts as publishers serve it: entries that link to CAP documents and/or embed them.</summary>
public sealed record CapFeed(CapFeedKind Kind, string? Title, IReadOnlyList<CapFeedEntry> Entries);

/// <summary>
/// One entry: the link to its CAP document (resolved against the feed's own address) and/or the
/// alert embedded in it. Either may be absent; an entry with neither is reported by the caller.
/// </summary>
public sealed record CapFeedEntry(string? Id, string? Title, DateTimeOffset? Updated, Uri? AlertLink, XElement? EmbeddedAlert);

/// <summary>Reads Atom 1.0 and RSS 2.0 feeds of alerts (parse them with <see cref="CapXml"/> first).</summary>
public static class CapFeedReader
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Atom = AtomNamespace;

    /// <summary>Parses with the safe settings of <see cref="CapXml"/>, then reads; null when it is not a feed.</summary>
    public static CapFeed? Read(byte[] data, Uri? baseUri = null, CapReadOptions? options = null) =>
        Read(CapXml.Load(data, options), baseUri);

    /// <summary>Null when the document is neither an Atom feed nor an RSS 2.0 channel.</summary>
    public static CapFeed? Read(XDocument document, Uri? baseUri = null)
    {
        var root = document.Root;
        if (root?.Name == Atom + "feed")
        {
            var feedBase = Based(baseUri, root);
            return new CapFeed(CapFeedKind.Atom, root.Element(Atom + "title")?.Value.Trim(), [.. root.Elements(Atom + "entry").Select(e => AtomEntry(e, Based(feedBase, e)))]);
        }

        if (root?.Name.LocalName == "rss" && root.Element("channel") is { } channel)
        {
            return new CapFeed(CapFeedKind.Rss, channel.Element("title")?.Value.Trim(), [.. channel.Elements("item").Select(i => RssItem(i, baseUri))]);
        }

        return null;
    }

    private static CapFeedEntry AtomEntry(XElement entry, Uri? baseUri)
    {
        var links = entry.Elements(Atom + "link").ToList();
        // The CAP document itself if the feed says which link it is, else the entry's main link.
        var href = links.FirstOrDefault(l => IsCapType((string?)l.Attribute("type")))?.Attribute("href")?.Value
            ?? (entry.Element(Atom + "content") is { } content && content.Attribute("src") is { } src ? src.Value : null)
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        var updated = CapTime.TryParse(entry.Element(Atom + "updated")?.Value, out var time) ? time : (DateTimeOffset?)null;
        return new CapFeedEntry(entry.Element(Atom + "id")?.Value.Trim(), entry.Element(Atom + "title")?.Value.Trim(), updated, Resolve(baseUri, href), Embedded(entry));
    }

    private static CapFeedEntry RssItem(XElement item, Uri? baseUri)
    {
        var href = item.Elements("enclosure").FirstOrDefault(e => IsCapType((string?)e.Attribute("type")))?.Attribute("url")?.Value
            ?? item.Element("link")?.Value.Trim();
        var published = item.Element("pubDate")?.Value.Trim();
        var updated = DateTimeOffset.TryParse(published, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time) ? time : (DateTimeOffset?)null;
        return new CapFeedEntry(item.Element("guid")?.Value.Trim(), item.Element("title")?.Value.Trim(), updated, Resolve(baseUri, href), Embedded(item));
    }

    /// <summary>A whole CAP alert carried inside the entry (some publishers put it in content).</summary>
    private static XElement? Embedded(XElement entry) =>
        entry.Descendants().FirstOrDefault(e => e.Name.LocalName == "alert" && e.Name.NamespaceName.StartsWith("urn:oasis:names:tc:emergency:cap:", StringComparison.Ordinal));

    private static bool IsCapType(string? type) => type is not null && type.Contains("cap", StringComparison.OrdinalIgnoreCase);

    private static Uri? Based(Uri? baseUri, XElement element) =>
        element.Attribute(XNamespace.Xml + "base")?.Value is { } xmlBase ? Resolve(baseUri, xmlBase) : baseUri;

    private static Uri? Resolve(Uri? baseUri, string? href)
    {
        var text = href?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // "/cap/1.xml" is relative to the feed's host, not a Unix file path.
        if (CapText.IsAbsoluteUri(text))
        {
            return new Uri(text, UriKind.Absolute);
        }

        return !Uri.TryCreate(text, UriKind.Relative, out var relative) ? null
            : baseUri is null ? relative : new Uri(baseUri, relative);
    }
}
