using System.Globalization;
using System.Text;
using System.Xml;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The feed's own description (PTDS: /cap/feed.atom of the province).</summary>
public sealed record CapAtomFeed(string Id, string Title, Uri SelfLink, DateTimeOffset Updated, string Author, IReadOnlyList<CapAtomEntry> Entries);

/// <summary>
/// One alert in the index feed: its stable URL (where the CAP document is served as
/// application/cap+xml), a summary, and optionally the first polygon as georss for map readers.
/// </summary>
public sealed record CapAtomEntry(string Id, string Title, DateTimeOffset Updated, Uri AlertUrl, string? Summary, CapPolygon? Polygon = null)
{
    /// <summary>The entry for an alert: id from (sender, identifier, sent), text from the info in <paramref name="language"/> (else the first).</summary>
    public static CapAtomEntry From(CapAlert alert, Uri alertUrl, string language = "vi-VN")
    {
        var info = alert.Infos.FirstOrDefault(i => string.Equals(i.Language, language, StringComparison.OrdinalIgnoreCase)) ?? alert.Infos.FirstOrDefault();
        var title = info?.Headline ?? info?.Event ?? alert.Identifier;
        var polygon = alert.Infos.SelectMany(i => i.Areas).SelectMany(a => a.Polygons).FirstOrDefault();
        // A tag-like URN keeps the id stable even if the URL layout changes.
        var id = $"urn:cap:{Uri.EscapeDataString(alert.Sender)}:{Uri.EscapeDataString(alert.Identifier)}";
        return new CapAtomEntry(id, title, alert.Sent, alertUrl, info?.Description, polygon);
    }
}

/// <summary>Writes an Atom 1.0 index feed of alerts (RFC 4287), linking each entry to its CAP document.</summary>
public static class CapAtomFeedWriter
{
    private const string GeoRss = "http://www.georss.org/georss";

    public static byte[] ToBytes(CapAtomFeed feed)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            Write(writer, feed);
        }

        return stream.ToArray();
    }

    public static void Write(XmlWriter writer, CapAtomFeed feed)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement("feed", CapFeedReader.AtomNamespace);
        writer.WriteAttributeString("xmlns", "georss", null, GeoRss);
        writer.WriteElementString("id", CapFeedReader.AtomNamespace, feed.Id);
        writer.WriteElementString("title", CapFeedReader.AtomNamespace, feed.Title);
        writer.WriteElementString("updated", CapFeedReader.AtomNamespace, AtomTime(feed.Updated));
        Link(writer, "self", feed.SelfLink, "application/atom+xml");
        writer.WriteStartElement("author", CapFeedReader.AtomNamespace);
        writer.WriteElementString("name", CapFeedReader.AtomNamespace, feed.Author);
        writer.WriteEndElement();
        foreach (var entry in feed.Entries)
        {
            writer.WriteStartElement("entry", CapFeedReader.AtomNamespace);
            writer.WriteElementString("id", CapFeedReader.AtomNamespace, entry.Id);
            writer.WriteElementString("title", CapFeedReader.AtomNamespace, entry.Title);
            writer.WriteElementString("updated", CapFeedReader.AtomNamespace, AtomTime(entry.Updated));
            Link(writer, "alternate", entry.AlertUrl, CapAlert.ContentType);
            if (entry.Summary is not null)
            {
                writer.WriteElementString("summary", CapFeedReader.AtomNamespace, entry.Summary);
            }

            if (entry.Polygon is not null)
            {
                // GeoRSS-Simple: "lat lon lat lon ...", the same order as CAP.
                writer.WriteElementString("polygon", GeoRss, string.Join(' ', entry.Polygon.Points.Select(p => $"{CapText.Number(p.Latitude)} {CapText.Number(p.Longitude)}")));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void Link(XmlWriter writer, string rel, Uri href, string type)
    {
        writer.WriteStartElement("link", CapFeedReader.AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href.OriginalString);
        writer.WriteEndElement();
    }

    // RFC 3339 as Atom requires; the offset is kept.
    private static string AtomTime(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
