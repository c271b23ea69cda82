using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

public enum CapFindingSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One thing the validator found: how bad, where (a path such as
/// /alert/info[2]/area[1]/polygon[1], positions counted among same-named siblings from 1), which
/// rule (see <see cref="CapRules"/>), and a message for a person.
/// </summary>
public sealed record CapFinding(CapFindingSeverity Severity, string Path, string Rule, string Message)
{
    public override string ToString() => $"{(Severity == CapFindingSeverity.Error ? "error" : "warning")}  {Path}  [{Rule}]  {Message}";

    /// <summary>The path of an element inside its alert (the alert is the root, /alert).</summary>
    public static string PathOf(XObject? node)
    {
        var element = node as XElement ?? node?.Parent;
        if (element is null)
        {
            return "/";
        }

        var steps = new Stack<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Parent is null)
            {
                steps.Push(e.Name.LocalName);
                break;
            }

            var position = e.ElementsBeforeSelf(e.Name).Count() + 1;
            steps.Push($"{e.Name.LocalName}[{position}]");
        }

        var path = "/" + string.Join('/', steps);
        return node is XAttribute attribute ? $"{path}/@{attribute.Name.LocalName}" : path;
    }
}
