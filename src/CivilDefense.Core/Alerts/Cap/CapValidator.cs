using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// Validates a CAP 1.2 alert against the OASIS schema (embedded, data/standards/cap/) and then
/// against the rules of the standard's text that the schema cannot express (CapRules). Pure: no
/// I/O beyond the embedded schema, and it never throws on bad input — every problem is a finding.
/// </summary>
public static class CapValidator
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchema);

    public static IReadOnlyList<CapFinding> Validate(CapAlert alert) => Validate(CapWriter.ToElement(alert));

    /// <summary>Validates the alert element (it may sit inside an envelope or feed; paths start at the alert).</summary>
    public static IReadOnlyList<CapFinding> Validate(XElement alert)
    {
        var findings = new List<CapFinding>();
        try
        {
            // A detached copy: the alert becomes the root, so paths and the schema see it alone.
            var copy = new XElement(alert);
            if (copy.Name != Cap + "alert")
            {
                var hint = copy.Name.LocalName == "alert" ? $" (namespace '{copy.Name.NamespaceName}' is not CAP 1.2)" : "";
                findings.Add(new(CapFindingSeverity.Error, "/" + copy.Name.LocalName, CapRules.Root, $"Not a CAP 1.2 alert{hint}."));
                return findings;
            }

            _ = new XDocument(copy);
            CheckSchema(copy.Document!, findings);
            CapAlertRules.Check(copy, findings);
            CapInfoRules.Check(copy, findings);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A rule that trips over input nobody imagined must not take the caller down.
            findings.Add(new(CapFindingSeverity.Error, "/alert", CapRules.Unreadable, $"Validation stopped: {e.Message}"));
        }

        return findings;
    }

    public static bool HasErrors(IEnumerable<CapFinding> findings) => findings.Any(f => f.Severity == CapFindingSeverity.Error);

    private static void CheckSchema(XDocument document, List<CapFinding> findings) =>
        document.Validate(Schemas.Value, (sender, e) => findings.Add(new(
            e.Severity == XmlSeverityType.Error ? CapFindingSeverity.Error : CapFindingSeverity.Warning,
            CapFinding.PathOf(sender as XObject),
            CapRules.Schema,
            e.Message)));

    private static XmlSchemaSet LoadSchema()
    {
        using var stream = typeof(CapValidator).Assembly.GetManifestResourceStream("cap.CAP-v1.2.xsd")
            ?? throw new InvalidOperationException("The embedded CAP 1.2 schema is missing from CivilDefense.Core.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(XmlSchema.Read(reader, null)!);
        set.Compile();
        return set;
    }
}
