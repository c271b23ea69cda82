using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

public enum CapSignatureStatus
{
    /// <summary>No enveloped XML signature.</summary>
    Unsigned,

    /// <summary>Verified with a trusted key: the alert is as its signer sent it.</summary>
    Valid,

    /// <summary>The signing key is trusted but the signature does not match: altered, or broken.</summary>
    Invalid,

    /// <summary>A signature is present but no trusted key can check it; nothing is claimed either way.</summary>
    NotVerifiable,
}

/// <summary>What checking an alert's signature found, in words a person can act on.</summary>
public sealed record CapSignatureCheck(CapSignatureStatus Status, string Message, X509Certificate2? Signer = null);

/// <summary>
/// Verifies the enveloped XML signature (XML-DSig) that CAP 1.2 §3.3.4.1 allows as the last child
/// of &lt;alert&gt;. Only keys the caller trusts count: a certificate in KeyInfo is used only when
/// it is one of the trusted certificates, since anyone can sign with a certificate they made.
/// The signature must cover the whole alert (Reference URI=""), so no external URI is resolved.
/// </summary>
public static class CapSignature
{
    private const string DsigNamespace = SignedXml.XmlDsigNamespaceUrl;

    public static CapSignatureCheck Verify(XElement alert, CapReadOptions? options = null)
    {
        options ??= CapReadOptions.Default;
        var signatures = alert.Elements(XName.Get("Signature", DsigNamespace)).ToList();
        if (signatures.Count == 0)
        {
            return new(CapSignatureStatus.Unsigned, "The alert is not signed.");
        }

        try
        {
            return Check(alert, options);
        }
        catch (Exception e) when (e is CryptographicException or XmlException or FormatException)
        {
            return new(CapSignatureStatus.Invalid, $"The signature cannot be processed: {e.Message}");
        }
    }

    private static CapSignatureCheck Check(XElement alert, CapReadOptions options)
    {
        // The alert alone, as its own document: an enveloped signature over URI="" was computed on
        // the alert as a document, even when it now travels inside an EDXL envelope or a feed.
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = XmlReader.Create(new StringReader(new XElement(alert).ToString(SaveOptions.DisableFormatting)), CapXml.SafeSettings(options)))
        {
            document.Load(reader);
        }

        var element = (XmlElement)document.GetElementsByTagName("Signature", DsigNamespace)[0]!;
        var signed = new SignedXml(document);
        signed.LoadXml(element);
        var references = signed.SignedInfo!.References.Cast<Reference>().ToList();
        if (references.Count == 0 || references.Any(r => !string.IsNullOrEmpty(r.Uri)))
        {
            return new(CapSignatureStatus.Invalid, "The signature does not cover the whole alert (its Reference must have URI=\"\").");
        }

        var offered = OfferedKey(signed);
        var trusted = Trusted(options).ToList();
        if (offered is not null)
        {
            var match = trusted.FirstOrDefault(t => t.Fingerprint.AsSpan().SequenceEqual(offered.Value.Fingerprint));
            if (match.Key is null)
            {
                return new(CapSignatureStatus.NotVerifiable, $"Signature present, not verifiable: key unknown ({offered.Value.Description} is not among the trusted keys).");
            }

            return Verified(signed, match)
                ? new(CapSignatureStatus.Valid, $"Signature verified with the trusted key of {match.Description}.", match.Certificate)
                : new(CapSignatureStatus.Invalid, $"Signature does not match the alert: it was altered after {match.Description} signed it, or the signature is broken.");
        }

        // No key named: a trusted key that verifies it proves the alert; none proves nothing.
        var verifier = trusted.FirstOrDefault(t => Verified(signed, t));
        return verifier.Key is not null
            ? new(CapSignatureStatus.Valid, $"Signature verified with the trusted key of {verifier.Description}.", verifier.Certificate)
            : new(CapSignatureStatus.NotVerifiable, "Signature present, not verifiable: key unknown (the signature names no key and no trusted key matches).");
    }

    private static bool Verified(SignedXml signed, TrustedKey key) =>
        key.Certificate is { } certificate ? signed.CheckSignature(certificate, verifySignatureOnly: true) : signed.CheckSignature(key.Key);

    private static IEnumerable<TrustedKey> Trusted(CapReadOptions options)
    {
        foreach (var certificate in options.TrustedCertificates)
        {
            var key = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey();
            if (key is not null)
            {
                yield return new TrustedKey(key, certificate.PublicKey.ExportSubjectPublicKeyInfo(), certificate.Subject, certificate);
            }
        }

        foreach (var key in options.TrustedKeys)
        {
            yield return new TrustedKey(key, key.ExportSubjectPublicKeyInfo(), $"trusted key {Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16]}", null);
        }
    }

    /// <summary>The key the signature says it was made with (KeyInfo), by its public-key fingerprint.</summary>
    private static (byte[] Fingerprint, string Description)? OfferedKey(SignedXml signed)
    {
        foreach (var clause in signed.KeyInfo?.Cast<KeyInfoClause>() ?? [])
        {
            switch (clause)
            {
                case KeyInfoX509Data { Certificates: [X509Certificate first, ..] }:
                    using (var certificate = X509CertificateLoader.LoadCertificate(first.GetRawCertData()))
                    {
                        return (certificate.PublicKey.ExportSubjectPublicKeyInfo(), $"the certificate of {certificate.Subject}");
                    }

                case RSAKeyValue value:
                    var spki = value.Key.ExportSubjectPublicKeyInfo();
                    return (spki, $"RSA key {Convert.ToHexString(SHA256.HashData(spki))[..16]}");
            }
        }

        return null;
    }

    private readonly record struct TrustedKey(AsymmetricAlgorithm Key, byte[] Fingerprint, string Description, X509Certificate2? Certificate);
}
