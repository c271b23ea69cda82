using CivilDefense.Core.Common;

namespace CivilDefense.Core.Plans.Parsing;

// INTERIM: replaced by the parser from branch plans-parser when it lands; lets the rest build meanwhile.
public static class PlanDocumentParser
{
    public static Result<ParsedPlan> Parse(IReadOnlyList<PlanParagraph> paragraphs) =>
        new PlanReadError(PlanReadFailure.NotAPlan, "The plan parser is not available in this build.");
}
