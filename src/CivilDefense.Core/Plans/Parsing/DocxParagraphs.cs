using System.Text;
using System.Xml;
using CivilDefense.Core.Common;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// DOCX to paragraphs with DocumentFormat.OpenXml, after <see cref="ZipSafety"/>. Paragraphs come in
/// document order including table cells (signature blocks and "Nơi nhận" sit in tables). Automatic
/// numbering is rendered into the text ("1.", "1.1.") so numbered plans read like typed ones.
/// </summary>
internal static class DocxParagraphs
{
    public static Result<IReadOnlyList<PlanParagraph>> Read(byte[] bytes, PlanReadLimits limits)
    {
        if (ZipSafety.Check(bytes, limits) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = limits.MaxUncompressedBytes };
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes, false), false, settings);
            var main = doc.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                return new PlanReadError(PlanReadFailure.CorruptDocument, "The file is a ZIP package but not a Word document.");
            }

            var styles = StyleHints.From(main.StyleDefinitionsPart?.Styles);
            var numbering = new NumberingRenderer(main.NumberingDefinitionsPart?.Numbering);
            var result = new List<PlanParagraph>();
            var index = 0;
            foreach (var p in body.Descendants<Paragraph>())
            {
                index++;
                var paragraph = Paragraph(p, index, styles, numbering);
                if (paragraph is not null)
                {
                    result.Add(paragraph);
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException)
        {
            return ZipSafety.Corrupt();
        }
    }

    private static PlanParagraph? Paragraph(Paragraph p, int index, StyleHints styles, NumberingRenderer numbering)
    {
        var props = p.ParagraphProperties;
        var style = styles.Get(props?.ParagraphStyleId?.Val?.Value);
        var text = new StringBuilder();
        var allBold = true;
        var allItalic = true;
        var any = false;
        foreach (var run in p.Descendants<Run>())
        {
            var runText = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case Text t:
                        runText.Append(t.Text);
                        break;
                    case TabChar:
                        runText.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        runText.Append('\n');
                        break;
                }
            }

            if (runText.ToString().Trim().Length > 0)
            {
                any = true;
                allBold &= IsOn(run.RunProperties?.Bold) ?? style.Bold;
                allItalic &= IsOn(run.RunProperties?.Italic) ?? style.Italic;
            }

            text.Append(runText);
        }

        var numberProps = props?.NumberingProperties;
        var label = numberProps is null ? null : numbering.Next(numberProps.NumberingId?.Val?.Value, numberProps.NumberingLevelReference?.Val?.Value ?? 0);
        var content = string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        if (!any || content.Length == 0)
        {
            return null;
        }

        var heading = props?.OutlineLevel?.Val?.Value is { } outline && outline < 9 ? outline + 1 : style.HeadingLevel;
        var bullet = label is { Bullet: true };
        if (label is { Bullet: false, Text: { Length: > 0 } l })
        {
            content = l + " " + content;
        }

        return new PlanParagraph(content, index) { HeadingLevel = heading, Bold = allBold, Italic = allItalic, ListItem = bullet };
    }

    /// <summary>On/off properties: absent is null, present without a value is on.</summary>
    private static bool? IsOn(OnOffType? value) => value is null ? null : value.Val is null || value.Val.Value;

    private sealed record StyleHint(int HeadingLevel, bool Bold, bool Italic);

    private sealed class StyleHints
    {
        private static readonly StyleHint Plain = new(0, false, false);
        private readonly Dictionary<string, StyleHint> _byId = [];

        public static StyleHints From(Styles? styles)
        {
            var hints = new StyleHints();
            foreach (var s in styles?.Elements<Style>() ?? [])
            {
                var id = s.StyleId?.Value;
                if (id is null)
                {
                    continue;
                }

                var name = (s.StyleName?.Val?.Value ?? id).ToLowerInvariant().Replace(" ", "");
                var level = s.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } o && o < 9 ? o + 1
                    : name.StartsWith("heading", StringComparison.Ordinal) && int.TryParse(name["heading".Length..], out var h) ? h
                    : name == "title" ? 1 : 0;
                hints._byId[id] = new StyleHint(level, IsOn(s.StyleRunProperties?.Bold) ?? false, IsOn(s.StyleRunProperties?.Italic) ?? false);
            }

            return hints;
        }

        public StyleHint Get(string? id) => id is not null && _byId.TryGetValue(id, out var hint) ? hint : Plain;
    }
}
