namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// One logical paragraph of a plan document with the formatting hints the parser may use.
/// <see cref="Text"/> has its markup removed; a hard line break inside the paragraph (a signature
/// block's title lines) is kept as '\n'. <see cref="Line"/> is the 1-based source line of a text
/// file, or the paragraph's 1-based position in a DOCX.
/// </summary>
public sealed record PlanParagraph(string Text, int Line)
{
    /// <summary>1-6 from Markdown '#' or a DOCX heading style; 0 for body text.</summary>
    public int HeadingLevel { get; init; }

    /// <summary>The whole paragraph is bold.</summary>
    public bool Bold { get; init; }

    /// <summary>The whole paragraph is italic.</summary>
    public bool Italic { get; init; }

    /// <summary>A bulleted item ("- ", "+ ", a DOCX bullet). Numbered items carry their number in <see cref="Text"/>.</summary>
    public bool ListItem { get; init; }
}
