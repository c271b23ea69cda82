using CivilDefense.Core.Common;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Import;

/// <summary>From uploaded bytes to a parsed plan: the reader refuses what is not a document, the parser what is not a plan.</summary>
internal static class PlanDocumentSource
{
    public static Result<ParsedPlan> Parse(PlanFile file)
    {
        using var stream = new MemoryStream(file.Content, writable: false);
        return PlanDocumentParser.Parse(stream, file.FileName);
    }
}
