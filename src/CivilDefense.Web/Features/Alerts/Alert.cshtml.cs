using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>One PTDS message: its CAP XML (preview for a draft) with the validator's findings; issue, update, cancel.</summary>
public sealed class AlertModel(AlertDesk desk, CivilDefense.Core.Data.PtdsDbContext db) : PageModel
{
    public AlertView Alert { get; private set; } = null!;

    public AlertPreview Preview { get; private set; } = null!;

    public bool CanWrite { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIssueAsync(int id, CancellationToken ct) =>
        await ActAsync(id, desk.IssueAsync(id, PublicCapEndpoints.BaseUrl(Request), ct), ct);

    public async Task<IActionResult> OnPostCancelAsync(int id, string? note, CancellationToken ct) =>
        await ActAsync(id, desk.CancelAsync(id, new CancelInput(note), PublicCapEndpoints.BaseUrl(Request), ct), ct);

    private async Task<IActionResult> ActAsync(int id, Task<Result<AlertView>> action, CancellationToken ct)
    {
        var result = await action;
        if (result.IsSuccess)
        {
            return Redirect($"/alerts/{result.Value!.Id}");
        }

        if (result.Error is NotFoundError)
        {
            return NotFound();
        }

        if (result.Error is ForbiddenError)
        {
            return Forbid();
        }

        Problem = string.Join("; ", result.Error!.FieldErrors?.SelectMany(f => f.Value) ?? [result.Error.Message]);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var alert = await desk.GetAsync(id, ct);
        if (!alert.IsSuccess)
        {
            return false;
        }

        Alert = alert.Value!;
        Preview = (await desk.PreviewAsync(id, PublicCapEndpoints.BaseUrl(Request), ct)).Value!;
        var unitPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == Alert.UnitId).Select(u => u.Path).SingleAsync(ct);
        CanWrite = AccessPolicy.CanWrite(PtdsClaims.ToActor(User), Resource.Alerts, unitPath);
        return true;
    }
}
