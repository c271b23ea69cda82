using System.Globalization;
using CivilDefense.Core.Common;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Web.Features.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Plans;

/// <summary>"My tasks": the assignments of the user's organisation or unit, with flags, reminders and a progress form.</summary>
[RequestSizeLimit(PlanTrackingApi.MaxReportRequestBytes)]
public sealed class MyTasksModel(ListMyTasks list, FileProgressReport file, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListMyTasks.Flag? Only { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<MyTaskView> Tasks { get; private set; } = new([], 0, 1, 50);

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Tasks = await list.HandleAsync(new ListMyTasks.Query(Only: Only), new PageQuery(PageNumber, 100), ct);

    /// <param name="figures">One figure a line: "name = number".</param>
    public async Task<IActionResult> OnPostFileAsync(int assignmentId, AssignmentStatus status, int? percent, string? narrative, string? period, string? figures, List<IFormFile>? files, CancellationToken ct)
    {
        if (!TryReadFigures(figures, out var parsed))
        {
            return await FailAsync(text["Write one figure a line as: name = number."], StatusCodes.Status400BadRequest, ct);
        }

        var uploads = new List<AttachmentUpload>();
        foreach (var upload in files ?? [])
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            uploads.Add(new AttachmentUpload(upload.FileName, buffer.ToArray()));
        }

        var result = await file.HandleAsync(assignmentId, new FileProgressReport.Input(status, percent, narrative ?? "", string.IsNullOrWhiteSpace(period) ? null : period, parsed), uploads, ct);
        if (!result.IsSuccess)
        {
            return await FailAsync(ErrorText.Of(result.Error!, text), ErrorText.StatusOf(result.Error!), ct);
        }

        TempData["Message"] = text.Format("Progress filed for period {0}.", result.Value!.Period);
        return Redirect("/plans/my-tasks");
    }

    private async Task<IActionResult> FailAsync(string message, int status, CancellationToken ct)
    {
        await OnGetAsync(ct);
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    public static bool TryReadFigures(string? text, out Dictionary<string, decimal>? figures)
    {
        figures = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        figures = [];
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !decimal.TryParse(parts[1].Replace(" ", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            figures[parts[0]] = value;
        }

        return true;
    }
}
