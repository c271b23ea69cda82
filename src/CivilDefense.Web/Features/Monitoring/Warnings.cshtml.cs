using CivilDefense.Core.Access;
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

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostReviewAsync(int id, WarningStatus decision, string? note, int version, CancellationToken ct)
    {
        var result = await review.HandleAsync(id, decision, note, version, ct);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { Status });
        }

        if (result.Error is ForbiddenError)
        {
            return Forbid();
        }

        Error = result.Error!.FieldErrors is { } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : result.Error.Message;
        Response.StatusCode = Organizations.ErrorText.StatusOf(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Warnings = await list.HandleAsync(Status, null, ct);
        CanReview = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Monitoring);
    }
}
