using System.IO.Compression;
using System.Text;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Checks a DOCX package before Open XML touches it: entry count, declared and actual
/// uncompressed sizes, compression ratio, and no DTD in any XML part. Actual sizes are counted
/// while decompressing into nothing, so a header that lies about its size is caught too.
/// </summary>
internal static class ZipSafety
{
    private static readonly byte[] Doctype = Encoding.ASCII.GetBytes("<!DOCTYPE");
    private static readonly byte[] Entity = Encoding.ASCII.GetBytes("<!ENTITY");

    public static PlanReadError? Check(byte[] bytes, PlanReadLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, false), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return Bomb($"it has more than {limits.MaxZipEntries} parts");
            }

            long declared = 0;
            foreach (var e in zip.Entries)
            {
                declared += e.Length;
                if (declared > limits.MaxUncompressedBytes)
                {
                    return Bomb($"it would unpack to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MB");
                }

                if (e.Length > 1024 * 1024 && e.Length > limits.MaxCompressionRatio * Math.Max(1, e.CompressedLength))
                {
                    return Bomb($"part '{e.FullName}' is compressed {e.Length / Math.Max(1, e.CompressedLength)} to 1");
                }
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var e in zip.Entries)
            {
                var isXml = e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                using var s = e.Open();
                long entryTotal = 0;
                var tail = Array.Empty<byte>();
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    entryTotal += n;
                    total += n;
                    if (total > limits.MaxUncompressedBytes || entryTotal > e.Length)
                    {
                        return Bomb("it unpacks to more than it declares or than allowed");
                    }

                    if (isXml)
                    {
                        // The last few bytes of the previous read join the first of this one, so a marker split across reads is still seen.
                        var span = buffer.AsSpan(0, n);
                        var seam = tail.Concat(buffer.Take(Math.Min(n, Doctype.Length))).ToArray();
                        if (span.IndexOf(Doctype) >= 0 || span.IndexOf(Entity) >= 0 || Contains(seam, Doctype) || Contains(seam, Entity))
                        {
                            return new PlanReadError(PlanReadFailure.UnsafeDocument,
                                "The document is refused: part '" + e.FullName + "' declares a DTD or entities, which Word documents never need.");
                        }

                        tail = span[Math.Max(0, n - Doctype.Length)..].ToArray();
                    }
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            return Corrupt();
        }
    }

    public static PlanReadError Corrupt() =>
        new(PlanReadFailure.CorruptDocument, "The Word document is damaged and cannot be read; open it in Word and save it again.");

    private static PlanReadError Bomb(string why) =>
        new(PlanReadFailure.UnsafeDocument, $"The document is refused as unsafe: {why}.");

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
