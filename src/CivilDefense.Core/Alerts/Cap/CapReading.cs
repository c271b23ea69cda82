using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// One alert from outside, read and judged: the model when it could be read, every finding of the
/// validator, and the signature check (an altered signature is an error; one that cannot be
/// checked is a warning, never a pass).
/// </summary>
public sealed record CapReading(XElement Element, CapAlert? Alert, IReadOnlyList<CapFinding> Findings, CapSignatureCheck Signature)
{
    public bool HasErrors => CapValidator.HasErrors(Findings);

    public static CapReading Of(XElement alert, CapReadOptions? options = null)
    {
        var findings = CapValidator.Validate(alert).ToList();
        CapReader.TryRead(alert, out var model, out var problem);
        if (problem is not null && !CapValidator.HasErrors(findings))
        {
            findings.Add(new(CapFindingSeverity.Error, "/alert", CapRules.Unreadable, problem));
        }

        var signature = CapSignature.Verify(alert, options);
        switch (signature.Status)
        {
            case CapSignatureStatus.Invalid:
                findings.Add(new(CapFindingSeverity.Error, "/alert/Signature[1]", CapRules.SignatureInvalid, signature.Message));
                break;
            case CapSignatureStatus.NotVerifiable:
                findings.Add(new(CapFindingSeverity.Warning, "/alert/Signature[1]", CapRules.SignatureNotVerifiable, signature.Message));
                break;
        }

        return new CapReading(alert, model, findings, signature);
    }
}
