using CivilDefense.Core.Plans;

namespace CivilDefense.Web.Features.Plans;

/// <summary>The UI text key of each assignment status.</summary>
public static class StatusNames
{
    public static string Key(AssignmentStatus status) => status switch
    {
        AssignmentStatus.NotStarted => "Not started",
        AssignmentStatus.InProgress => "In progress",
        AssignmentStatus.Completed => "Completed",
        AssignmentStatus.Stalled => "Stalled",
        _ => status.ToString(),
    };

    public static string Key(string status) =>
        Enum.TryParse<AssignmentStatus>(status, out var parsed) ? Key(parsed) : status == "NotReported" ? "Not reported" : status;
}
