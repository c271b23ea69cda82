using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// CapAlert → CAP 1.2 XML, elements in the schema's order, times in CAP's strict form. The writer
/// does not judge the content: run <see cref="CapValidator"/> on what it writes before publishing.
/// </summary>
public static class CapWriter
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    public static XElement ToElement(CapAlert alert) =>
        new(Cap + "alert",
            Text("identifier", alert.Identifier),
            Text("sender", alert.Sender),
            Text("sent", CapTime.Format(alert.Sent)),
            Text("status", alert.Status.ToString()),
            Text("msgType", alert.MessageType.ToString()),
            Optional("source", alert.Source),
            Text("scope", alert.Scope.ToString()),
            Optional("restriction", alert.Restriction),
            Optional("addresses", alert.Addresses.Count == 0 ? null : CapText.FormatQuotedList(alert.Addresses)),
            alert.Codes.Select(c => Text("code", c)),
            Optional("note", alert.Note),
            Optional("references", alert.References.Count == 0 ? null : string.Join(' ', alert.References)),
            Optional("incidents", alert.Incidents.Count == 0 ? null : CapText.FormatQuotedList(alert.Incidents)),
            alert.Infos.Select(InfoElement));

    public static XDocument ToDocument(CapAlert alert) => new(new XDeclaration("1.0", "utf-8", null), ToElement(alert));

    /// <summary>UTF-8 bytes without a byte-order mark, indented, with the XML declaration.</summary>
    public static byte[] ToBytes(CapAlert alert)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            ToDocument(alert).Save(writer);
        }

        return stream.ToArray();
    }

    public static string ToXml(CapAlert alert) => Encoding.UTF8.GetString(ToBytes(alert));

    private static XElement InfoElement(CapInfo info) =>
        new(Cap + "info",
            Text("language", info.Language),
            info.Categories.Select(c => Text("category", c.ToString())),
            Text("event", info.Event),
            info.ResponseTypes.Select(r => Text("responseType", r.ToString())),
            Text("urgency", info.Urgency.ToString()),
            Text("severity", info.Severity.ToString()),
            Text("certainty", info.Certainty.ToString()),
            Optional("audience", info.Audience),
            info.EventCodes.Select(v => Pair("eventCode", v)),
            Optional("effective", info.Effective is { } effective ? CapTime.Format(effective) : null),
            Optional("onset", info.Onset is { } onset ? CapTime.Format(onset) : null),
            Optional("expires", info.Expires is { } expires ? CapTime.Format(expires) : null),
            Optional("senderName", info.SenderName),
            Optional("headline", info.Headline),
            Optional("description", info.Description),
            Optional("instruction", info.Instruction),
            Optional("web", info.Web?.OriginalString),
            Optional("contact", info.Contact),
            info.Parameters.Select(v => Pair("parameter", v)),
            info.Resources.Select(ResourceElement),
            info.Areas.Select(AreaElement));

    private static XElement ResourceElement(CapResource resource) =>
        new(Cap + "resource",
            Text("resourceDesc", resource.Description),
            Text("mimeType", resource.MimeType),
            Optional("size", resource.Size?.ToString(CultureInfo.InvariantCulture)),
            Optional("uri", resource.Uri?.OriginalString),
            Optional("derefUri", resource.DerefUri),
            Optional("digest", resource.Digest));

    private static XElement AreaElement(CapArea area) =>
        new(Cap + "area",
            Text("areaDesc", area.Description),
            area.Polygons.Select(p => Text("polygon", CapText.FormatPoints(p.Points))),
            area.Circles.Select(c => Text("circle", CapText.FormatCircle(c))),
            area.Geocodes.Select(v => Pair("geocode", v)),
            Optional("altitude", area.Altitude?.ToString(CultureInfo.InvariantCulture)),
            Optional("ceiling", area.Ceiling?.ToString(CultureInfo.InvariantCulture)));

    private static XElement Pair(string name, CapNamedValue pair) =>
        new(Cap + name, Text("valueName", pair.ValueName), Text("value", pair.Value));

    private static XElement Text(string name, string value) => new(Cap + name, value);

    private static XElement? Optional(string name, string? value) => value is null ? null : Text(name, value);
}
