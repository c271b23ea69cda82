using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>When an alert prepared from a draft warning is issued, the warning is done: status Issued.</summary>
public sealed class MarkWarningIssued(PtdsDbContext db) : IAlertIssuedHandler
{
    public async Task OnIssuedAsync(IssuedAlert alert, CancellationToken ct)
    {
        // Past the scope filter: the issuer is the province, the warning may belong to any commune of it.
        var warning = await db.DraftWarnings.IgnoreQueryFilters().SingleOrDefaultAsync(d => d.AlertId == alert.Id, ct);
        if (warning is null || warning.Status == WarningStatus.Issued)
        {
            return;
        }

        warning.Status = WarningStatus.Issued;
        await db.SaveChangesAsync(ct);
    }
}
