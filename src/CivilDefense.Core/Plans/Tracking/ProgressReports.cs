using System.Text.Json;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>Turns stored reports into their views.</summary>
internal static class ProgressReports
{
    public static ProgressReportView ToView(ProgressReport r) => new(
        r.Id, r.AssignmentId, r.Period, r.Status, r.Percent, r.Narrative, Figures(r.FiguresJson), r.SubmittedAt, r.SubmittedBy,
        r.ReviewState, r.ReviewNote, r.ReviewedBy, r.ReviewedAt,
        r.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size)).ToList());

    /// <summary>Figures as stored; a value that does not read back is left out rather than failing the page.</summary>
    public static IReadOnlyDictionary<string, decimal> Figures(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, decimal>();
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];
        }
        catch (JsonException)
        {
            return new Dictionary<string, decimal>();
        }
    }
}
