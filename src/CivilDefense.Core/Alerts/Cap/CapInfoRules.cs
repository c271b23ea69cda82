using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The rules on each &lt;info&gt; block and its resources (CAP 1.2 §3.2.2, §3.2.3).</summary>
internal static partial class CapInfoRules
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    // Free-text elements where HTML markup shows up as literal tags on a siren display or SMS.
    private static readonly string[] TextElements = ["event", "audience", "senderName", "headline", "description", "instruction", "contact"];

    public static void Check(XElement alert, List<CapFinding> findings)
    {
        var report = new Reporter(findings);
        var sent = CapTime.TryParse(alert.Element(Cap + "sent")?.Value, out var time) ? time : (DateTimeOffset?)null;
        var infos = alert.Elements(Cap + "info").ToList();
        foreach (var info in infos)
        {
            CheckLanguage(info, report);
            CheckTimes(info, sent, report);
            CheckText(info, report);
            CheckWeb(info, report);
            foreach (var pair in info.Elements(Cap + "eventCode").Concat(info.Elements(Cap + "parameter")))
            {
                CheckValueName(pair, report);
            }

            foreach (var resource in info.Elements(Cap + "resource"))
            {
                CheckResource(resource, report);
            }

            foreach (var area in info.Elements(Cap + "area"))
            {
                CapAreaRules.Check(area, report);
                foreach (var geocode in area.Elements(Cap + "geocode"))
                {
                    CheckValueName(geocode, report);
                }
            }
        }

        CheckSameTextInTwoLanguages(infos, report);
        if (alert.Element(Cap + "note") is { } note)
        {
            CheckHtml(note, report);
        }
    }

    private static void CheckLanguage(XElement info, Reporter report)
    {
        if (info.Element(Cap + "language") is { } language && !LanguageTag().IsMatch(language.Value.Trim()))
        {
            report.Error(language, CapRules.LanguageTag, $"'{language.Value.Trim()}' is not an RFC 3066 language tag (e.g. vi-VN, en-US, km-KH).");
        }
    }

    private static void CheckTimes(XElement info, DateTimeOffset? sent, Reporter report)
    {
        foreach (var name in (string[])["effective", "onset", "expires"])
        {
            CapAlertRules.CheckTime(info.Element(Cap + name), report);
        }

        if (info.Element(Cap + "expires") is not { } expiresElement || !CapTime.TryParse(expiresElement.Value, out var expires))
        {
            return;
        }

        foreach (var name in (string[])["effective", "onset"])
        {
            if (CapTime.TryParse(info.Element(Cap + name)?.Value, out var start) && expires <= start)
            {
                report.Error(expiresElement, CapRules.ExpiresBeforeStart, $"<expires> {expiresElement.Value.Trim()} is not after <{name}> {info.Element(Cap + name)!.Value.Trim()}.");
            }
        }

        if (sent is { } sentTime && expires <= sentTime)
        {
            report.Warning(expiresElement, CapRules.ExpiresBeforeSent, "The information expired before the alert was sent.");
        }
    }

    private static void CheckText(XElement info, Reporter report)
    {
        foreach (var name in TextElements)
        {
            if (info.Element(Cap + name) is { } element)
            {
                CheckHtml(element, report);
            }
        }

        foreach (var element in info.Elements(Cap + "resource").Elements(Cap + "resourceDesc").Concat(info.Elements(Cap + "area").Elements(Cap + "areaDesc")))
        {
            CheckHtml(element, report);
        }
    }

    private static void CheckHtml(XElement element, Reporter report)
    {
        if (HtmlMarkup().IsMatch(element.Value))
        {
            report.Warning(element, CapRules.TextHtml, "HTML markup in a plain-text field; receivers show it literally (sirens, SMS, TV crawls).");
        }
    }

    /// <summary>An "English" block that repeats the Vietnamese text is a translation that was never done.</summary>
    private static void CheckSameTextInTwoLanguages(List<XElement> infos, Reporter report)
    {
        for (var i = 0; i < infos.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (first, second) = (Language(infos[j]), Language(infos[i]));
                if (string.Equals(first, second, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var name in (string[])["headline", "description", "instruction"])
                {
                    var text = infos[i].Element(Cap + name);
                    var earlier = infos[j].Element(Cap + name)?.Value.Trim();
                    if (text is not null && text.Value.Trim().Length > 0 && text.Value.Trim() == earlier)
                    {
                        report.Warning(text, CapRules.TextSameInTwoLanguages, $"The same <{name}> text is given under {first} and {second}; is the translation missing?");
                    }
                }
            }
        }
    }

    private static string Language(XElement info) => info.Element(Cap + "language")?.Value.Trim() ?? "en-US";

    private static void CheckWeb(XElement info, Reporter report)
    {
        if (info.Element(Cap + "web") is { } web && !CapText.IsAbsoluteUri(web.Value.Trim()))
        {
            report.Error(web, CapRules.WebUri, $"<web> '{web.Value.Trim()}' is not a full absolute URI.");
        }
    }

    private static void CheckValueName(XElement pair, Reporter report)
    {
        if (string.IsNullOrWhiteSpace(pair.Element(Cap + "valueName")?.Value) && pair.Element(Cap + "valueName") is { } name)
        {
            report.Warning(name, CapRules.ValueNameEmpty, $"An empty <valueName> in <{pair.Name.LocalName}>: receivers cannot tell which scheme the value is in.");
        }
    }

    private static void CheckResource(XElement resource, Reporter report)
    {
        if (resource.Element(Cap + "mimeType") is { } mime && !MimeType().IsMatch(mime.Value.Trim()))
        {
            report.Error(mime, CapRules.ResourceMimeType, $"'{mime.Value.Trim()}' is not a MIME type (type/subtype, RFC 2046).");
        }

        var deref = resource.Element(Cap + "derefUri");
        if (resource.Element(Cap + "uri") is { } uri)
        {
            var text = uri.Value.Trim();
            var absolute = CapText.IsAbsoluteUri(text);
            if (!absolute && (deref is null || !Uri.TryCreate(text, UriKind.Relative, out _)))
            {
                report.Error(uri, CapRules.ResourceUri, $"<uri> '{text}' must be a full absolute URI (a relative one only names content given in <derefUri>).");
            }
        }

        if (resource.Element(Cap + "size") is { } size && long.TryParse(size.Value.Trim(), out var bytes) && bytes < 0)
        {
            report.Error(size, CapRules.ResourceSize, "A resource cannot have a negative size.");
        }

        if (resource.Element(Cap + "digest") is { } digest && !Sha1Hex().IsMatch(digest.Value.Trim()))
        {
            report.Warning(digest, CapRules.ResourceDigest, "<digest> should be the SHA-1 of the resource as 40 hexadecimal digits.");
        }
    }

    // RFC 3066: Primary-subtag = 1*8ALPHA, Subtag = 1*8(ALPHA / DIGIT).
    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    // RFC 6838 restricted names, optional parameters after ';'.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\s*;\s*[^;]+)*$")]
    private static partial Regex MimeType();

    [GeneratedRegex("^[0-9A-Fa-f]{40}$")]
    private static partial Regex Sha1Hex();

    [GeneratedRegex(@"<\s*/?\s*(a|b|i|u|p|br|hr|div|span|font|strong|em|ul|ol|li|table|tr|td|th|h[1-6]|img|script|style|html|body)(\s[^>]*)?/?\s*>|&(nbsp|amp|lt|gt|quot|#\d+);", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlMarkup();
}
