using System.Globalization;
using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// CAP 1.2 XML → CapAlert. Lenient where publishers are sloppy but the meaning is clear (a "Z"
/// time, extra whitespace, unknown elements from other profiles are skipped); it refuses only
/// what cannot be represented (a missing required element, an unknown code value, a polygon that
/// is not numbers), naming the element. Judging the alert is <see cref="CapValidator"/>'s job.
/// </summary>
public static class CapReader
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    /// <summary>Parses XML text (safe settings) and reads the alert at its root.</summary>
    public static CapAlert Read(string xml, CapReadOptions? options = null) =>
        Read(CapXml.Parse(xml, options).Root!);

    /// <summary>Reads an alert element; throws <see cref="CapFormatException"/> naming the element it cannot read.</summary>
    public static CapAlert Read(XElement alert)
    {
        if (alert.Name != Cap + "alert")
        {
            throw new CapFormatException($"/{alert.Name.LocalName}: not a CAP 1.2 alert (expected {{{CapAlert.Namespace}}}alert, found {alert.Name}).");
        }

        var path = "/alert";
        return new CapAlert
        {
            Identifier = Required(alert, "identifier", path),
            Sender = Required(alert, "sender", path),
            Sent = Time(alert, "sent", path) ?? throw Missing(path, "sent"),
            Status = Code<CapStatus>(alert, "status", path),
            MessageType = Code<CapMessageType>(alert, "msgType", path),
            Source = Optional(alert, "source"),
            Scope = Code<CapScope>(alert, "scope", path),
            Restriction = Optional(alert, "restriction"),
            Addresses = Optional(alert, "addresses") is { } addresses ? CapText.ParseQuotedList(addresses) : [],
            Codes = [.. alert.Elements(Cap + "code").Select(e => e.Value.Trim())],
            Note = Optional(alert, "note"),
            References = References(alert, path),
            Incidents = Optional(alert, "incidents") is { } incidents ? CapText.ParseQuotedList(incidents) : [],
            Infos = [.. alert.Elements(Cap + "info").Select((e, i) => Info(e, $"{path}/info[{i + 1}]"))],
        };
    }

    /// <summary>Like <see cref="Read(XElement)"/> but returns the reason instead of throwing.</summary>
    public static bool TryRead(XElement alert, out CapAlert? result, out string? problem)
    {
        try
        {
            result = Read(alert);
            problem = null;
            return true;
        }
        catch (CapFormatException e)
        {
            result = null;
            problem = e.Message;
            return false;
        }
    }

    private static CapInfo Info(XElement info, string path) => new()
    {
        Language = Optional(info, "language") ?? "en-US",
        Categories = [.. Codes<CapCategory>(info, "category", path)],
        Event = Required(info, "event", path),
        ResponseTypes = [.. Codes<CapResponseType>(info, "responseType", path)],
        Urgency = Code<CapUrgency>(info, "urgency", path),
        Severity = Code<CapSeverity>(info, "severity", path),
        Certainty = Code<CapCertainty>(info, "certainty", path),
        Audience = Optional(info, "audience"),
        EventCodes = Pairs(info, "eventCode"),
        Effective = Time(info, "effective", path),
        Onset = Time(info, "onset", path),
        Expires = Time(info, "expires", path),
        SenderName = Optional(info, "senderName"),
        Headline = Optional(info, "headline"),
        Description = Optional(info, "description"),
        Instruction = Optional(info, "instruction"),
        Web = Optional(info, "web") is { } web ? Link(web, $"{path}/web[1]") : null,
        Contact = Optional(info, "contact"),
        Parameters = Pairs(info, "parameter"),
        Resources = [.. info.Elements(Cap + "resource").Select((e, i) => Resource(e, $"{path}/resource[{i + 1}]"))],
        Areas = [.. info.Elements(Cap + "area").Select((e, i) => Area(e, $"{path}/area[{i + 1}]"))],
    };

    private static CapResource Resource(XElement resource, string path) => new()
    {
        Description = Required(resource, "resourceDesc", path),
        MimeType = Required(resource, "mimeType", path),
        Size = Optional(resource, "size") is { } size
            ? long.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) ? bytes : throw Bad($"{path}/size[1]", size, "an integer")
            : null,
        Uri = Optional(resource, "uri") is { } uri ? Link(uri, $"{path}/uri[1]") : null,
        DerefUri = Optional(resource, "derefUri"),
        Digest = Optional(resource, "digest"),
    };

    private static CapArea Area(XElement area, string path) => new()
    {
        Description = Required(area, "areaDesc", path),
        Polygons = [.. area.Elements(Cap + "polygon").Select((e, i) =>
            new CapPolygon(CapText.ParsePoints(e.Value, out var problem) ?? throw new CapFormatException($"{path}/polygon[{i + 1}]: {problem}")))],
        Circles = [.. area.Elements(Cap + "circle").Select((e, i) =>
            CapText.ParseCircle(e.Value, out var problem) ?? throw new CapFormatException($"{path}/circle[{i + 1}]: {problem}"))],
        Geocodes = Pairs(area, "geocode"),
        Altitude = Decimal(area, "altitude", path),
        Ceiling = Decimal(area, "ceiling", path),
    };

    private static IReadOnlyList<CapReference> References(XElement alert, string path)
    {
        var text = Optional(alert, "references");
        return text is null ? [] : CapText.ParseReferences(text, out var problem) ?? throw new CapFormatException($"{path}/references[1]: {problem}");
    }

    private static IReadOnlyList<CapNamedValue> Pairs(XElement parent, string name) =>
        [.. parent.Elements(Cap + name).Select(e => new CapNamedValue(
            e.Element(Cap + "valueName")?.Value.Trim() ?? "",
            e.Element(Cap + "value")?.Value.Trim() ?? ""))];

    private static string Required(XElement parent, string name, string path) =>
        Optional(parent, name) ?? throw Missing(path, name);

    private static string? Optional(XElement parent, string name) => parent.Element(Cap + name)?.Value.Trim();

    private static T Code<T>(XElement parent, string name, string path)
        where T : struct, Enum =>
        parent.Element(Cap + name) is null ? throw Missing(path, name) : Codes<T>(parent, name, path).First();

    // Exact names only: Enum.TryParse would also take "3" or "Actual,Test".
    private static IEnumerable<T> Codes<T>(XElement parent, string name, string path)
        where T : struct, Enum =>
        parent.Elements(Cap + name).Select((e, i) =>
            Enum.GetNames<T>().Contains(e.Value.Trim(), StringComparer.Ordinal)
                ? Enum.Parse<T>(e.Value.Trim())
                : throw Bad($"{path}/{name}[{i + 1}]", e.Value, $"one of {string.Join(", ", Enum.GetNames<T>())}"));

    private static DateTimeOffset? Time(XElement parent, string name, string path)
    {
        var text = Optional(parent, name);
        return text is null ? null : CapTime.TryParse(text, out var time) ? time : throw Bad($"{path}/{name}[1]", text, "a date-time with an offset");
    }

    private static decimal? Decimal(XElement parent, string name, string path)
    {
        var text = Optional(parent, name);
        return text is null ? null
            : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw Bad($"{path}/{name}[1]", text, "a decimal number");
    }

    private static Uri Link(string text, string path) =>
        Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw Bad(path, text, "a URI");

    private static CapFormatException Missing(string path, string name) => new($"{path}: the required <{name}> is missing.");

    private static CapFormatException Bad(string path, string value, string expected) =>
        new($"{path}: '{(value.Length > 60 ? value[..60] + "…" : value)}' is not {expected}.");
}
