using CivilDefense.Core.Common;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Import;

/// <summary>From uploaded bytes to a parsed plan: the reader refuses what is not a document, the parser what is not a plan.</summary>
internal static class PlanDocumentSource
{
    public static Result<ParsedPlan> Parse(PlanFile file)
    {
        var paragraphs = PlanDocumentReader.Read(file.Content, file.FileName);
        if (paragraphs.Error is { } error)
        {
            return error;
        }

        return PlanDocumentParser.Parse(paragraphs.Value!);
    }
}
