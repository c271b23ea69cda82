using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

public enum CapDocumentKind
{
    Alert,
    EdxlDistribution,
    Feed,
    Unknown,
}

/// <summary>An alert found inside a document, with where it was (for messages: "contentObject[2]").</summary>
public sealed record CapEmbeddedAlert(string Location, XElement Element);

/// <summary>
/// A document as other publishers send it: a bare &lt;alert&gt;, an EDXL-DE envelope carrying
/// alerts in contentObject/xmlContent/embeddedXMLContent, or an Atom/RSS feed. Loading applies
/// the safe settings of <see cref="CapXml"/>; the alerts are then read with <see cref="CapReading.Of"/>.
/// </summary>
public sealed class CapDocument
{
    private CapDocument(XDocument xml, CapDocumentKind kind, IReadOnlyList<CapEmbeddedAlert> alerts, CapFeed? feed)
    {
        Xml = xml;
        Kind = kind;
        Alerts = alerts;
        Feed = feed;
    }

    public XDocument Xml { get; }

    public CapDocumentKind Kind { get; }

    /// <summary>The alerts in the document itself (embedded ones for a feed; linked ones are the caller's to fetch).</summary>
    public IReadOnlyList<CapEmbeddedAlert> Alerts { get; }

    public CapFeed? Feed { get; }

    /// <summary>Throws <see cref="CapFormatException"/> for a document refused before reading (DTD, size, depth, not XML).</summary>
    public static CapDocument Load(byte[] data, Uri? baseUri = null, CapReadOptions? options = null) =>
        From(CapXml.Load(data, options), baseUri);

    public static CapDocument From(XDocument xml, Uri? baseUri = null)
    {
        var root = xml.Root!;
        if (root.Name.LocalName == "alert")
        {
            return new(xml, CapDocumentKind.Alert, [new("alert", root)], null);
        }

        if (root.Name.LocalName == "EDXLDistribution")
        {
            var alerts = root.Elements().Where(e => e.Name.LocalName == "contentObject")
                .SelectMany((content, i) => content.Descendants()
                    .Where(e => e.Name.LocalName == "alert" && e.Parent?.Name.LocalName == "embeddedXMLContent")
                    .Select(alert => new CapEmbeddedAlert($"contentObject[{i + 1}]", alert)))
                .ToList();
            return new(xml, CapDocumentKind.EdxlDistribution, alerts, null);
        }

        if (CapFeedReader.Read(xml, baseUri) is { } feed)
        {
            var embedded = feed.Entries.Select((e, i) => (e, i)).Where(x => x.e.EmbeddedAlert is not null)
                .Select(x => new CapEmbeddedAlert($"{(feed.Kind == CapFeedKind.Atom ? "entry" : "item")}[{x.i + 1}]", x.e.EmbeddedAlert!))
                .ToList();
            return new(xml, CapDocumentKind.Feed, embedded, feed);
        }

        return new(xml, CapDocumentKind.Unknown, [], null);
    }
}
