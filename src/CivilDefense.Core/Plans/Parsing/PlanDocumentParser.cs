using CivilDefense.Core.Common;
using CivilDefense.Core.Plans.Bodies;

namespace CivilDefense.Core.Plans.Parsing;

/// <summary>
/// Reads paragraphs (from <see cref="PlanDocumentReader"/>) into a <see cref="ParsedPlan"/>: a
/// sectioned plan first (<see cref="StructuredPlanReader"/>), else a narrative text
/// (<see cref="NarrativePlanReader"/>). A text with no task groups and no plan header is refused
/// as <see cref="PlanReadFailure.NotAPlan"/>. Pure: no I/O, no registry.
/// </summary>
public static class PlanDocumentParser
{
    public static Result<ParsedPlan> Parse(IReadOnlyList<PlanParagraph> paragraphs, IReadOnlyList<GroupPhrase>? groups = null)
    {
        groups ??= GroupPhrases.Default;
        var notes = new List<ParseNote>();
        var lines = PlanText.Clean(paragraphs, notes);
        if (lines.Count == 0)
        {
            return new PlanReadError(PlanReadFailure.Empty, "The document has no text.");
        }

        var plan = StructuredPlanReader.Read(lines, groups, notes);
        if (plan.Groups.Count > 0)
        {
            return plan;
        }

        if (NarrativePlanReader.Read(lines, groups, notes) is { } narrative)
        {
            return narrative;
        }

        return plan.Kind is not null || plan.NumberSymbol is not null
            ? plan
            : new PlanReadError(PlanReadFailure.NotAPlan, "No task groups or tasks were found and the text has no plan header (kind, number and symbol): it does not look like a plan.");
    }

    /// <summary>Reads and parses a file in one go.</summary>
    public static Result<ParsedPlan> Parse(Stream stream, string fileName, PlanReadLimits? limits = null, IReadOnlyList<GroupPhrase>? groups = null)
    {
        var paragraphs = PlanDocumentReader.Read(stream, fileName, limits);
        return paragraphs.IsSuccess ? Parse(paragraphs.Value!, groups) : paragraphs.Error!;
    }
}
