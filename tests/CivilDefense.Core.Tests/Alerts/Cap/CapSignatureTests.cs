using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

/// <summary>Enveloped XML signatures made here with a freshly generated key, as a signing publisher would.</summary>
public sealed class CapSignatureTests
{
    [Fact]
    public void Signed_alert_verifies_with_the_trusted_key_and_still_validates_against_the_schema()
    {
        using var key = RSA.Create(2048);
        var signed = Sign(CapWriter.ToXml(CapSamples.Alert()), key, withKeyValue: true);

        var reading = CapReading.Of(CapXml.Parse(signed).Root!, new CapReadOptions { TrustedKeys = [key] });

        Assert.Equal(CapSignatureStatus.Valid, reading.Signature.Status);
        Assert.Empty(reading.Findings);
        Assert.NotNull(reading.Alert);
    }

    [Fact]
    public void Tampered_alert_is_invalid()
    {
        using var key = RSA.Create(2048);
        var signed = Sign(CapWriter.ToXml(CapSamples.Alert()), key, withKeyValue: true);
        var tampered = signed.Replace("Cảnh báo lũ cấp độ 2", "Cảnh báo lũ cấp độ 1", StringComparison.Ordinal);

        var reading = CapReading.Of(CapXml.Parse(tampered).Root!, new CapReadOptions { TrustedKeys = [key] });

        Assert.NotEqual(signed, tampered);
        Assert.Equal(CapSignatureStatus.Invalid, reading.Signature.Status);
        Assert.Contains(reading.Findings, f => f.Rule == CapRules.SignatureInvalid && f.Severity == CapFindingSeverity.Error);
    }

    [Fact]
    public void Signature_by_an_unknown_key_is_reported_as_not_verifiable_not_as_valid()
    {
        using var signer = RSA.Create(2048);
        using var other = RSA.Create(2048);
        var signed = Sign(CapWriter.ToXml(CapSamples.Alert()), signer, withKeyValue: true);

        var untrusted = CapSignature.Verify(CapXml.Parse(signed).Root!, new CapReadOptions { TrustedKeys = [other] });
        var noKeys = CapReading.Of(CapXml.Parse(signed).Root!);

        Assert.Equal(CapSignatureStatus.NotVerifiable, untrusted.Status);
        Assert.StartsWith("Signature present, not verifiable: key unknown", untrusted.Message);
        Assert.Equal(CapSignatureStatus.NotVerifiable, noKeys.Signature.Status);
        Assert.Contains(noKeys.Findings, f => f.Rule == CapRules.SignatureNotVerifiable && f.Severity == CapFindingSeverity.Warning);
    }

    [Fact]
    public void Certificate_in_key_info_counts_only_when_it_is_trusted()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=Example Met Service", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var signed = Sign(CapWriter.ToXml(CapSamples.Alert()), key, withKeyValue: false, certificate);
        var alert = CapXml.Parse(signed).Root!;

        var trusted = CapSignature.Verify(alert, new CapReadOptions { TrustedCertificates = [certificate] });
        var unknown = CapSignature.Verify(alert);

        Assert.Equal(CapSignatureStatus.Valid, trusted.Status);
        Assert.Equal("CN=Example Met Service", trusted.Signer!.Subject);
        Assert.Equal(CapSignatureStatus.NotVerifiable, unknown.Status);
        Assert.Contains("CN=Example Met Service", unknown.Message);
    }

    [Fact]
    public void Signed_alert_inside_an_edxl_envelope_still_verifies()
    {
        using var key = RSA.Create(2048);
        var signed = XElement.Parse(Sign(CapWriter.ToXml(CapSamples.Alert()), key, withKeyValue: false), LoadOptions.PreserveWhitespace);
        XNamespace de = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";
        var envelope = new XDocument(new XElement(de + "EDXLDistribution",
            new XElement(de + "distributionID", "d-1"),
            new XElement(de + "contentObject", new XElement(de + "xmlContent", new XElement(de + "embeddedXMLContent", signed)))));

        var document = CapDocument.Load(System.Text.Encoding.UTF8.GetBytes(envelope.ToString(SaveOptions.DisableFormatting)));
        var reading = CapReading.Of(Assert.Single(document.Alerts).Element, new CapReadOptions { TrustedKeys = [key] });

        Assert.Equal(CapDocumentKind.EdxlDistribution, document.Kind);
        Assert.Equal(CapSignatureStatus.Valid, reading.Signature.Status);
    }

    [Fact]
    public void Unsigned_alert_says_so()
    {
        Assert.Equal(CapSignatureStatus.Unsigned, CapSignature.Verify(CapSamples.Element()).Status);
    }

    /// <summary>Signs the alert document as a whole (Reference URI="", enveloped + exclusive C14N).</summary>
    private static string Sign(string xml, RSA key, bool withKeyValue, X509Certificate2? certificate = null)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(xml);
        var signed = new SignedXml(document) { SigningKey = key };
        var reference = new Reference { Uri = "" };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        signed.KeyInfo = new KeyInfo();
        if (withKeyValue)
        {
            signed.KeyInfo.AddClause(new RSAKeyValue(key));
        }

        if (certificate is not null)
        {
            signed.KeyInfo.AddClause(new KeyInfoX509Data(certificate));
        }

        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        return document.OuterXml;
    }
}
