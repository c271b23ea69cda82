using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>What one resume round found: the alert and the problem, if queueing failed again.</summary>
public sealed record ResumedDissemination(int IssuedAlertId, DisseminationReport? Report, string? Problem);

/// <summary>
/// Nobody is missed when something fails between publishing an alert and queueing its
/// deliveries: run periodically by the host as the system, this queues every published message
/// of the last two days that is still in force and was never marked queued. It leaves a grace
/// time after publication, so that it does not race the issuing request's own queueing of a
/// large alert; were it to, queueing is idempotent (derived ids) and adds nothing twice.
/// </summary>
public sealed class ResumeDissemination(PtdsDbContext db, DisseminateAlert disseminate)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<IReadOnlyList<ResumedDissemination>> RunAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var since = now - EscalateUnacknowledged.Horizon;
        var before = now - Grace;
        var pending = await db.IssuedAlerts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.State == AlertState.Issued && a.CapXml != null && a.DeliveriesQueuedAt == null && a.SentUtc >= since && a.SentUtc <= before)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var resumed = new List<ResumedDissemination>(pending.Count);
        foreach (var alert in pending)
        {
            var result = await disseminate.HandleAsync(alert, ct);
            resumed.Add(new ResumedDissemination(alert.Id, result.Value, result.Error?.Message));
        }

        return resumed;
    }
}
