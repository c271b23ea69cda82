using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Common;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>The operator's list of draft warnings: review each (mark ready to issue, or dismiss).</summary>
public sealed class WarningsModel(ListWarnings list, ReviewWarning review) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public WarningStatus? Status { get; set; }

    public IReadOnlyList<DraftWarningView> Warnings { get; private set; } = [];

    public bool CanReview { get; private set; }

    /// <summary>Alerts are written by the province's commanders and officers; the desk checks the unit.</summary>
    public bool CanPrepareAlert { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(int id, WarningStatus decision, string? note, int version, CancellationToken ct)
    {
        var result = await review.HandleAsync(id, decision, note, version, ct);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { Status });
        }

        return await FailAsync(result.Error!, ct);
    }

    /// <summary>Turns the warning into a draft alert (or finds the one made before) and opens it for review and issue.</summary>
    public async Task<IActionResult> OnPostPrepareAlertAsync(int id, [FromServices] PrepareWarningAlert prepare, CancellationToken ct)
    {
        var result = await prepare.HandleAsync(id, ct);
        if (result.IsSuccess)
        {
            return Redirect($"/alerts/{result.Value!.Id}");
        }

        return await FailAsync(result.Error!, ct);
    }

    private async Task<IActionResult> FailAsync(Error error, CancellationToken ct)
    {
        if (error is ForbiddenError)
        {
            return Forbid();
        }

        Error = error.FieldErrors is { } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Message;
        Response.StatusCode = Organizations.ErrorText.StatusOf(error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Warnings = await list.HandleAsync(Status, null, ct);
        CanReview = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Monitoring);
        CanPrepareAlert = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Alerts);
    }
}
