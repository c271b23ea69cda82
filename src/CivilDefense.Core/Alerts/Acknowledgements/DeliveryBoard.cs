using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>Counts of one channel in one commune (or of a whole channel, or of a whole commune).</summary>
public sealed record BoardCounts(int Targeted, int Sent, int Failed, int Pending, int Acknowledged)
{
    public static BoardCounts Zero { get; } = new(0, 0, 0, 0, 0);

    public BoardCounts Add(BoardCounts other) =>
        new(Targeted + other.Targeted, Sent + other.Sent, Failed + other.Failed, Pending + other.Pending, Acknowledged + other.Acknowledged);
}

public sealed record BoardRow(string Channel, int? UnitId, string? UnitName, BoardCounts Counts);

public sealed record BoardGroup(string Key, string? Name, BoardCounts Counts);

public sealed record BoardAcknowledgement(string OrganizationName, DateTime At, AcknowledgementMethod Method, string By);

/// <summary>
/// The delivery board (bảng theo dõi gửi tin) of one alert at one moment: deliveries by channel
/// and commune, the totals, and who acknowledged. "Targeted" counts deliveries (a recipient with
/// SMS and e-mail counts on both channels); "acknowledged" counts the deliveries to the contacts
/// whose organisation acknowledged through them. <see cref="Recipients"/> counts people once.
/// </summary>
public sealed record BoardSnapshot(
    int IssuedAlertId, Guid AlertId, int Recipients, BoardCounts Totals,
    IReadOnlyList<BoardGroup> ByChannel, IReadOnlyList<BoardGroup> ByCommune, IReadOnlyList<BoardRow> Rows,
    IReadOnlyList<BoardAcknowledgement> Acknowledgements, int OrganizationsAcknowledged);

/// <summary>
/// Reads the board. Only users who cover the alert's issuing unit see it; the rows are further
/// limited to the communes of their subtree by the outbox's scope filter. Two grouped queries
/// (states, then acknowledged deliveries) whatever the number of recipients.
/// </summary>
public sealed class DeliveryBoard(PtdsDbContext db)
{
    public async Task<Result<BoardSnapshot>> HandleAsync(int issuedAlertId, CancellationToken ct)
    {
        var issuingPath = await db.IssuedAlerts.AsNoTracking().Where(a => a.Id == issuedAlertId).Select(a => a.UnitPath).SingleOrDefaultAsync(ct);
        if (issuingPath is null || !db.Actor.Covers(issuingPath))
        {
            return new NotFoundError("No such alert, or its board is outside your scope.");
        }

        var alertId = DeliveryIdentities.AlertId(issuedAlertId);
        var states = await db.Deliveries.AsNoTracking().Where(d => d.AlertId == alertId)
            .GroupBy(d => new { d.Channel, d.UnitId, d.State })
            .Select(g => new { g.Key.Channel, g.Key.UnitId, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);
        var acknowledged = await db.Deliveries.AsNoTracking()
            .Where(d => d.AlertId == alertId && db.AlertAcknowledgements.IgnoreQueryFilters().Any(a => a.AlertId == d.AlertId && a.RecipientId == d.RecipientId))
            .GroupBy(d => new { d.Channel, d.UnitId })
            .Select(g => new { g.Key.Channel, g.Key.UnitId, Count = g.Count() })
            .ToListAsync(ct);
        var recipients = await db.Deliveries.AsNoTracking().Where(d => d.AlertId == alertId).Select(d => d.RecipientId).Distinct().CountAsync(ct);
        var unitIds = states.Select(s => s.UnitId).OfType<int>().Distinct().ToList();
        var names = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var acks = await db.AlertAcknowledgements.AsNoTracking().Where(a => a.AlertId == alertId).OrderBy(a => a.At)
            .Join(db.Organizations.IgnoreQueryFilters(), a => a.OrganizationId, o => o.Id, (a, o) => new BoardAcknowledgement(o.Name, a.At, a.Method, a.By))
            .ToListAsync(ct);

        var ackCounts = acknowledged.ToDictionary(a => (a.Channel, a.UnitId), a => a.Count);
        var rows = states.GroupBy(s => (s.Channel, s.UnitId))
            .Select(g => new BoardRow(g.Key.Channel, g.Key.UnitId, g.Key.UnitId is { } u ? names.GetValueOrDefault(u) : null,
                Tally(g.Select(s => (s.State, s.Count)), ackCounts.GetValueOrDefault(g.Key))))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        return new BoardSnapshot(
            issuedAlertId, alertId, recipients, Sum(rows),
            rows.GroupBy(r => r.Channel).Select(g => new BoardGroup(g.Key, g.Key, Sum(g))).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
            rows.GroupBy(r => r.UnitId).Select(g => new BoardGroup(g.Key?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", g.First().UnitName, Sum(g))).OrderBy(g => g.Name, StringComparer.Ordinal).ToList(),
            rows, acks, acks.Count);
    }

    /// <summary>Folds outbox states into the board's columns: failed is Failed and Dead; pending is everything not finished.</summary>
    public static BoardCounts Tally(IEnumerable<(DeliveryState State, int Count)> states, int acknowledged)
    {
        int targeted = 0, sent = 0, failed = 0, pending = 0;
        foreach (var (state, count) in states)
        {
            targeted += count;
            switch (state)
            {
                case DeliveryState.Sent:
                    sent += count;
                    break;
                case DeliveryState.Failed or DeliveryState.Dead:
                    failed += count;
                    break;
                default:
                    pending += count;
                    break;
            }
        }

        return new BoardCounts(targeted, sent, failed, pending, acknowledged);
    }

    private static BoardCounts Sum(IEnumerable<BoardRow> rows) => rows.Aggregate(BoardCounts.Zero, (sum, r) => sum.Add(r.Counts));
}
