using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The rules on the &lt;alert&gt; block itself (CAP 1.2 §3.2.1).</summary>
internal static class CapAlertRules
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    // §3.2.1: identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)".
    private static readonly char[] Forbidden = [' ', ',', '<', '&', '\t', '\r', '\n'];

    public static void Check(XElement alert, List<CapFinding> findings)
    {
        var report = new Reporter(findings);
        CheckName(alert.Element(Cap + "identifier"), CapRules.IdentifierChars, "identifier", report);
        CheckName(alert.Element(Cap + "sender"), CapRules.SenderChars, "sender", report);
        CheckTime(alert.Element(Cap + "sent"), report);
        CheckScope(alert, report);
        CheckReferences(alert, report);
    }

    /// <summary>Times must carry an explicit offset and no fraction (§3.3.2); the schema's pattern lets a comma through as sign.</summary>
    public static void CheckTime(XElement? element, Reporter report)
    {
        if (element is null)
        {
            return;
        }

        var text = element.Value.Trim();
        if (!CapTime.IsStrict(text))
        {
            report.Error(element, CapRules.TimeFormat,
                $"'{text}' is not a CAP time: write it as YYYY-MM-DDThh:mm:ss with an explicit offset such as +07:00 (no 'Z', no fractional seconds; UTC is -00:00).");
        }
    }

    private static void CheckName(XElement? element, string rule, string what, Reporter report)
    {
        if (element is null)
        {
            return;
        }

        var text = element.Value.Trim();
        if (text.Length == 0)
        {
            report.Error(element, rule, $"The {what} is empty.");
        }
        else if (text.IndexOfAny(Forbidden) >= 0)
        {
            report.Error(element, rule, $"The {what} '{text}' contains a space, comma, '<' or '&', which CAP forbids (it would break references).");
        }
    }

    private static void CheckScope(XElement alert, Reporter report)
    {
        var scope = alert.Element(Cap + "scope")?.Value.Trim();
        var restriction = alert.Element(Cap + "restriction");
        var addresses = alert.Element(Cap + "addresses");
        if (restriction is not null && scope != "Restricted")
        {
            report.Error(restriction, CapRules.RestrictionScope, $"<restriction> is only for scope Restricted; this alert's scope is {scope}.");
        }

        if (restriction is null && scope == "Restricted")
        {
            report.Warning(alert.Element(Cap + "scope")!, CapRules.RestrictionMissing, "Scope Restricted without a <restriction> that says who may see it.");
        }

        if (scope == "Private" && string.IsNullOrWhiteSpace(addresses?.Value))
        {
            report.Error(addresses ?? alert.Element(Cap + "scope")!, CapRules.AddressesMissing, "Scope Private requires <addresses> naming the recipients.");
        }

        // The standard allows addresses on a Public alert, but a public alert addressed to a list
        // is almost always a mistake in scope, so we say so without failing it.
        if (scope == "Public" && addresses is not null)
        {
            report.Warning(addresses, CapRules.AddressesPublic, "<addresses> on a Public alert: did you mean scope Private or Restricted?");
        }
    }

    private static void CheckReferences(XElement alert, Reporter report)
    {
        var element = alert.Element(Cap + "references");
        var type = alert.Element(Cap + "msgType")?.Value.Trim();
        var needsReferences = type is "Update" or "Cancel" or "Ack" or "Error";
        if (element is null)
        {
            if (needsReferences)
            {
                report.Error(alert.Element(Cap + "msgType")!, CapRules.ReferencesRequired, $"A {type} must name in <references> the message(s) it {Verb(type)}.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(element.Value))
        {
            report.Error(element, CapRules.ReferencesEmpty, "<references> is empty; omit it or list sender,identifier,sent triplets.");
            return;
        }

        var references = CapText.ParseReferences(element.Value, out var problem);
        if (references is null)
        {
            report.Error(element, CapRules.ReferencesFormat, $"{problem} References are space-separated triplets 'sender,identifier,sent'.");
            return;
        }

        foreach (var triplet in element.Value.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CapTime.IsStrict(triplet.Split(',')[2]))
            {
                report.Error(element, CapRules.TimeFormat, $"The sent time in reference '{triplet}' is not in CAP's form (explicit offset, no fraction).");
            }
        }

        var sender = alert.Element(Cap + "sender")?.Value.Trim();
        var identifier = alert.Element(Cap + "identifier")?.Value.Trim();
        if (references.Any(r => r.Sender == sender && r.Identifier == identifier))
        {
            report.Error(element, CapRules.ReferencesSelf, "The alert references itself; <references> must name earlier messages.");
        }

        if (CapTime.TryParse(alert.Element(Cap + "sent")?.Value, out var sent) && references.Any(r => r.Sent > sent))
        {
            report.Warning(element, CapRules.ReferencesLater, "A referenced message was sent after this one.");
        }
    }

    private static string Verb(string? type) => type switch
    {
        "Update" => "updates",
        "Cancel" => "cancels",
        "Ack" => "acknowledges",
        _ => "rejects",
    };
}

/// <summary>Adds findings at an element's path; shared by the rule classes.</summary>
internal readonly struct Reporter(List<CapFinding> findings)
{
    public void Error(XObject at, string rule, string message) => findings.Add(new(CapFindingSeverity.Error, CapFinding.PathOf(at), rule, message));

    public void Warning(XObject at, string rule, string message) => findings.Add(new(CapFindingSeverity.Warning, CapFinding.PathOf(at), rule, message));
}
