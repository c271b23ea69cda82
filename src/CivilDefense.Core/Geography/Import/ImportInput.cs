using System.IO.Compression;
using System.Text;

namespace CivilDefense.Core.Geography.Import;

/// <summary>Gzip is recognised by its magic bytes, not its file name, so a renamed file still reads.</summary>
public static class ImportInput
{
    /// <summary>Returns a stream of the plain content: <paramref name="stream"/> itself, or a gzip reader over it.</summary>
    public static Stream Decompress(Stream stream)
    {
        if (!stream.CanSeek)
        {
            // Peeking needs a rewind; a copy is cheap next to the parsing that follows.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        var start = stream.Position;
        var first = stream.ReadByte();
        var second = stream.ReadByte();
        stream.Position = start;
        return first == 0x1f && second == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>A UTF-8 reader over the plain content (a BOM is honoured).</summary>
    public static TextReader Reader(Stream stream) => new StreamReader(Decompress(stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
}
