using System.IO.Compression;
using System.Text;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

public sealed class PlanReaderRefusalTests
{
    [Fact]
    public void Empty_and_blank_files_are_refused()
    {
        Assert.Equal(PlanReadFailure.Empty, Failure(Read([], "plan.md")));
        Assert.Equal(PlanReadFailure.Empty, Failure(Read(Encoding.UTF8.GetBytes(" \n\r\n\t \n"), "plan.txt")));
    }

    [Fact]
    public void Random_text_is_not_a_plan()
    {
        var text = "Lorem ipsum dolor sit amet.\n\n1. Consectetur adipiscing elit.\n2. Sed do eiusmod tempor.\n";
        var paragraphs = PlanDocumentReader.Read(Encoding.UTF8.GetBytes(text), "notes.txt");
        Assert.True(paragraphs.IsSuccess);
        var plan = PlanDocumentParser.Parse(paragraphs.Value!);
        Assert.Equal(PlanReadFailure.NotAPlan, Assert.IsType<PlanReadError>(plan.Error).Failure);
    }

    [Fact]
    public void Binary_and_non_utf8_content_is_refused()
    {
        Assert.Equal(PlanReadFailure.NotText, Failure(Read([0x4B, 0x00, 0x01, 0x02, 0x41], "plan.txt")));
        Assert.Equal(PlanReadFailure.NotText, Failure(Read([0x4B, 0xC3, 0x28, 0x41], "plan.md")));
        Assert.Equal(PlanReadFailure.UnsupportedType, Failure(Read(Encoding.UTF8.GetBytes("text"), "plan.exe")));
    }

    [Fact]
    public void A_bom_is_stripped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("# KẾ HOẠCH\n")).ToArray();
        var paragraphs = Read(bytes, "plan.md");
        Assert.Equal("KẾ HOẠCH", Assert.Single(paragraphs.Value!).Text);
    }

    [Fact]
    public void Docx_named_file_that_is_not_a_zip_and_a_corrupt_zip_are_refused()
    {
        Assert.Equal(PlanReadFailure.CorruptDocument, Failure(Read(Encoding.UTF8.GetBytes("hello"), "plan.docx")));
        var corrupt = new byte[] { (byte)'P', (byte)'K', 3, 4 }.Concat(Enumerable.Repeat((byte)7, 500)).ToArray();
        Assert.Equal(PlanReadFailure.CorruptDocument, Failure(Read(corrupt, "plan.docx")));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        var zip = Zip(z => Entry(z, "readme.txt", Encoding.UTF8.GetBytes("hello")));
        Assert.Equal(PlanReadFailure.CorruptDocument, Failure(Read(zip, "plan.docx")));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_extracted()
    {
        var bomb = Zip(z => Entry(z, "word/document.xml", new byte[60 * 1024 * 1024]));
        Assert.True(bomb.Length < 1024 * 1024);
        var error = Assert.IsType<PlanReadError>(Read(bomb, "plan.docx").Error);
        Assert.Equal(PlanReadFailure.UnsafeDocument, error.Failure);
    }

    [Fact]
    public void Too_many_entries_and_a_high_compression_ratio_are_refused()
    {
        var many = Zip(z =>
        {
            for (var i = 0; i < 1100; i++)
            {
                Entry(z, $"x/{i}.xml", [1]);
            }
        });
        Assert.Equal(PlanReadFailure.UnsafeDocument, Failure(Read(many, "plan.docx")));
        var dense = Zip(z => Entry(z, "word/document.xml", new byte[5 * 1024 * 1024]));
        var strict = PlanReadLimits.Default with { MaxUncompressedBytes = 100 * 1024 * 1024 };
        Assert.Equal(PlanReadFailure.UnsafeDocument, Failure(PlanDocumentReader.Read(dense, "plan.docx", strict)));
    }

    [Fact]
    public void A_docx_with_a_dtd_is_refused()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>""";
        var zip = Zip(z => Entry(z, "word/document.xml", Encoding.UTF8.GetBytes(xml)));
        Assert.Equal(PlanReadFailure.UnsafeDocument, Failure(Read(zip, "plan.docx")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_50_MB_stream_is_refused_without_reading_it_all(bool seekable)
    {
        using var stream = new FakeLargeStream(50L * 1024 * 1024, seekable);
        var result = PlanDocumentReader.Read(stream, "plan.md");
        Assert.Equal(PlanReadFailure.TooLarge, Failure(result));
        Assert.True(stream.BytesRead <= PlanReadLimits.Default.MaxFileBytes + 81920, $"read {stream.BytesRead} bytes");
        if (seekable)
        {
            Assert.Equal(0, stream.BytesRead);
        }
    }

    private static CivilDefense.Core.Common.Result<IReadOnlyList<PlanParagraph>> Read(byte[] bytes, string name) => PlanDocumentReader.Read(bytes, name);

    private static PlanReadFailure Failure<T>(CivilDefense.Core.Common.Result<T> result) => Assert.IsType<PlanReadError>(result.Error).Failure;

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            fill(zip);
        }

        return ms.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, byte[] content)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        s.Write(content);
    }

    /// <summary>A stream of zeros that says how much of it was read.</summary>
    private sealed class FakeLargeStream(long length, bool seekable) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? length : throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
