using System.Xml;
using System.Xml.Linq;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>Limits and trust for reading CAP from outside.</summary>
public sealed record CapReadOptions
{
    /// <summary>Largest document accepted, in bytes (real alerts with inline resources stay well under).</summary>
    public int MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted (an EDXL-wrapped signed alert needs about ten).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Certificates whose keys are trusted to sign alerts (a KeyInfo certificate counts only if it is one of these).</summary>
    public IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> TrustedCertificates { get; init; } = [];

    /// <summary>Bare public keys (RSA, ECDSA) trusted to sign alerts, for publishers that send no certificate.</summary>
    public IReadOnlyList<System.Security.Cryptography.AsymmetricAlgorithm> TrustedKeys { get; init; } = [];

    public static CapReadOptions Default { get; } = new();
}

/// <summary>A document refused before it was read: not XML, a DTD, too big or too deep.</summary>
public sealed class CapFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one way CAP code parses XML from outside: DTDs prohibited (no entity expansion, so no
/// billion laughs), no resolver (no external entities or schemas fetched), a byte limit and a
/// nesting limit. Everything in Alerts/Cap that reads foreign XML goes through here.
/// </summary>
public static class CapXml
{
    public static XmlReaderSettings SafeSettings(CapReadOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = options.MaxBytes,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Reads at most MaxBytes + 1 from the stream, then parses; refuses more.</summary>
    public static XDocument Load(Stream stream, CapReadOptions? options = null)
    {
        options ??= CapReadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                throw TooBig(options);
            }
        }

        return Load(buffer.ToArray(), options);
    }

    public static XDocument Load(byte[] data, CapReadOptions? options = null)
    {
        options ??= CapReadOptions.Default;
        if (data.Length > options.MaxBytes)
        {
            throw TooBig(options);
        }

        // First pass only measures depth (XDocument.Load cannot stop half-way); the second builds.
        using (var first = XmlReader.Create(new MemoryStream(data), SafeSettings(options)))
        {
            Guard(() => CheckDepth(first, options.MaxDepth));
        }

        using var second = XmlReader.Create(new MemoryStream(data), SafeSettings(options));
        return Guard(() => XDocument.Load(second, LoadOptions.PreserveWhitespace));
    }

    public static XDocument Parse(string xml, CapReadOptions? options = null) =>
        Load(System.Text.Encoding.UTF8.GetBytes(xml), options);

    private static void CheckDepth(XmlReader reader, int maxDepth)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
            {
                throw new CapFormatException($"The document nests elements deeper than {maxDepth} levels (line {(reader as IXmlLineInfo)?.LineNumber}); refused.");
            }
        }
    }

    private static T Guard<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new CapFormatException("The document declares a DTD, which is refused: DTD processing is prohibited (no entities, no external references).", e);
        }
        catch (XmlException e) when (e.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            throw new CapFormatException("The document is larger than the limit; refused.", e);
        }
        catch (XmlException e)
        {
            throw new CapFormatException($"Not well-formed XML: {e.Message}", e);
        }
    }

    private static void Guard(Action parse) => Guard(() =>
    {
        parse();
        return 0;
    });

    private static CapFormatException TooBig(CapReadOptions options) =>
        new($"The document is larger than {options.MaxBytes} bytes; refused.");
}
