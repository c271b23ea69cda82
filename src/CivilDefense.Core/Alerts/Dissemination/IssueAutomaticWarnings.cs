using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// Phát tự động: creates and issues the alert of every warning raised under a rule the province
/// set for automatic issue. Run by a hosted service as the system, not by the ingest that raised
/// the warning: the ingest runs as a station's token (which may not issue for the province) inside
/// its own transaction, and a batch of readings should not wait for targeting and queueing
/// thousands of deliveries, nor fail because a gateway setting is wrong. A warning left half-way
/// (alert prepared, not issued) by a crash is finished on the next run.
/// </summary>
public sealed class IssueAutomaticWarnings(PtdsDbContext db, PrepareWarningAlert prepare, AlertDesk desk)
{
    public sealed record Outcome(int WarningId, int? AlertId, string? Problem);

    public async Task<IReadOnlyList<Outcome>> HandleAsync(Uri publicBase, CancellationToken ct)
    {
        var due = await db.DraftWarnings.AsNoTracking()
            .Where(d => d.AutoIssue && d.Status == WarningStatus.Ready)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(100).ToListAsync(ct);
        var outcomes = new List<Outcome>(due.Count);
        foreach (var id in due)
        {
            var prepared = await prepare.HandleAsync(id, ct);
            if (!prepared.IsSuccess)
            {
                outcomes.Add(new Outcome(id, null, prepared.Error!.Message));
                continue;
            }

            var alert = prepared.Value!;
            if (alert.State == AlertState.Draft)
            {
                var issued = await desk.IssueAsync(alert.Id, publicBase, ct);
                outcomes.Add(new Outcome(id, alert.Id, issued.Error?.Message));
            }
        }

        return outcomes;
    }
}
