using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>A neighbour's alert as received, with its findings; relay makes a PTDS draft of it.</summary>
public sealed class ReceivedModel(AlertRegister register, AlertDesk desk, CivilDefense.Core.Data.PtdsDbContext db) : PageModel
{
    public ReceivedAlertView Alert { get; private set; } = null!;

    public bool CanRelay { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var alert = await register.GetReceivedAsync(id, ct);
        if (!alert.IsSuccess)
        {
            return NotFound();
        }

        Alert = alert.Value!;
        CanRelay = await AlertPermissions.MayWriteAsync(db, PtdsClaims.ToActor(User), Resource.Alerts, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRelayAsync(int id, CancellationToken ct)
    {
        var relayed = await desk.RelayAsync(id, ct);
        return relayed.IsSuccess ? Redirect($"/alerts/compose?id={relayed.Value!.Id}")
            : relayed.Error is ForbiddenError ? Forbid() : NotFound();
    }
}
