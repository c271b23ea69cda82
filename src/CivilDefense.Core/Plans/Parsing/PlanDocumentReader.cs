using System.Text;
using CivilDefense.Core.Common;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Turns an uploaded plan file into paragraphs: Markdown or plain text (UTF-8, UTF-16 with a BOM)
/// and DOCX. The format is told by content (a ZIP starts with "PK") before the extension, and
/// every refusal is a <see cref="PlanReadError"/>: empty, too large (checked before the whole
/// stream is read), binary, corrupt, a ZIP bomb, a DTD.
/// </summary>
public static class PlanDocumentReader
{
    private static readonly string[] TextExtensions = [".md", ".markdown", ".txt", ".text", ""];

    public static Result<IReadOnlyList<PlanParagraph>> Read(Stream stream, string fileName, PlanReadLimits? limits = null)
    {
        limits ??= PlanReadLimits.Default;
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            return TooLarge(limits);
        }

        // Unknown length: read at most one byte past the limit, so a 50 MB upload costs 10 MB.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > limits.MaxFileBytes)
            {
                return TooLarge(limits);
            }
        }

        return Read(buffer.ToArray(), fileName, limits);
    }

    public static Result<IReadOnlyList<PlanParagraph>> Read(byte[] bytes, string fileName, PlanReadLimits? limits = null)
    {
        limits ??= PlanReadLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
        {
            return TooLarge(limits);
        }

        if (bytes.Length == 0)
        {
            return Refuse(PlanReadFailure.Empty, "The file is empty.");
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        var isZip = bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && bytes[2] is 3 or 5 or 7 && bytes[3] is 4 or 6 or 8;
        Result<IReadOnlyList<PlanParagraph>> result;
        if (isZip)
        {
            result = DocxParagraphs.Read(bytes, limits);
        }
        else if (extension == ".docx")
        {
            return Refuse(PlanReadFailure.CorruptDocument, "The file is named .docx but is not a Word document (it is not a ZIP package).");
        }
        else if (extension == ".doc")
        {
            return Refuse(PlanReadFailure.UnsupportedType, "Old Word .doc files are not read; save the document as .docx.");
        }
        else if (!TextExtensions.Contains(extension))
        {
            return Refuse(PlanReadFailure.UnsupportedType, $"Files of type '{extension}' are not read; use .docx, .md or .txt.");
        }
        else
        {
            var text = DecodeText(bytes);
            if (text.Error is not null)
            {
                return text.Error;
            }

            result = MarkdownParagraphs.Read(text.Value!);
        }

        if (!result.IsSuccess)
        {
            return result;
        }

        if (result.Value!.Count == 0)
        {
            return Refuse(PlanReadFailure.Empty, "The file has no text.");
        }

        return result.Value.Count > limits.MaxParagraphs
            ? Refuse(PlanReadFailure.TooLarge, $"The document has more than {limits.MaxParagraphs} paragraphs.")
            : result;
    }

    /// <summary>UTF-8 (BOM optional) or UTF-16 with a BOM; anything with NUL bytes, invalid UTF-8 or many control characters is binary.</summary>
    private static Result<string> DecodeText(byte[] bytes)
    {
        string text;
        try
        {
            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                var encoding = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
                text = encoding.GetString(bytes, 2, bytes.Length - 2);
            }
            else
            {
                if (Array.IndexOf(bytes, (byte)0) >= 0)
                {
                    return NotText();
                }

                var skip = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
                text = new UTF8Encoding(false, true).GetString(bytes, skip, bytes.Length - skip);
            }
        }
        catch (DecoderFallbackException)
        {
            return NotText();
        }

        var controls = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (text.Contains('\0') || controls > text.Length / 100)
        {
            return NotText();
        }

        return text;
    }

    private static PlanReadError NotText() =>
        new(PlanReadFailure.NotText, "The file is not text: it is binary or not UTF-8. Save the plan as .docx, or as UTF-8 .md/.txt.");

    private static PlanReadError TooLarge(PlanReadLimits limits) =>
        new(PlanReadFailure.TooLarge, $"The file is larger than {limits.MaxFileBytes / (1024 * 1024.0):0.#} MB.");

    private static PlanReadError Refuse(PlanReadFailure failure, string message) => new(failure, message);
}
