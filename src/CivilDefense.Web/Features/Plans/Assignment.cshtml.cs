using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Web.Features.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Plans;

/// <summary>One assignment's reports, their attachments, and the review form for the lead body or the plan's unit.</summary>
public sealed class AssignmentModel(GetAssignment get, ReviewProgressReport review, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public AssignmentDetails? Assignment { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostReviewAsync(int reportId, ReviewProgressReport.Decision decision, string? note, CancellationToken ct)
    {
        var result = await review.HandleAsync(reportId, new ReviewProgressReport.Input(decision, note), ct);
        if (!result.IsSuccess)
        {
            if (await LoadAsync(ct) is { } missing)
            {
                return missing;
            }

            Error = ErrorText.Of(result.Error!, text);
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text[decision == ReviewProgressReport.Decision.Accept ? "The report was accepted." : "The report was returned."];
        return Redirect($"/plans/assignments/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await get.HandleAsync(Id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Assignment = result.Value;
        return null;
    }
}
