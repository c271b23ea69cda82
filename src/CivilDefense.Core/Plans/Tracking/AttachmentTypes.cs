using System.IO.Compression;
using System.Text;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// Decides a file's type from its bytes, not its name: the extension must agree with what the
/// content is, so a renamed executable or HTML page is refused.
/// </summary>
public static class AttachmentTypes
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Text = "text/plain; charset=utf-8";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".txt"] = Text,
        [".csv"] = Text,
        [".md"] = Text,
    };

    /// <summary>The content type when the bytes are an allowed type that matches the extension; otherwise null.</summary>
    public static string? Sniff(string fileName, byte[] content)
    {
        if (!ByExtension.TryGetValue(Path.GetExtension(fileName), out var claimed))
        {
            return null;
        }

        var actual = Detect(content);
        return actual == claimed ? actual : null;
    }

    private static string? Detect(byte[] c)
    {
        var head = c.AsSpan();
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficeKind(c);
        }

        return IsPlainText(c) ? Text : null;
    }

    /// <summary>Reads only the ZIP's directory (entry names), never inflates content, so a ZIP bomb costs nothing here.</summary>
    private static string? OfficeKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? Docx : names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 (with or without BOM) and no control characters but tab and line breaks.</summary>
    private static bool IsPlainText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return text.TrimStart('\uFEFF').All(ch => !char.IsControl(ch) || ch is '\t' or '\r' or '\n');
    }
}
