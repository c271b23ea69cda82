using CivilDefense.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Issuing;

public sealed partial class AlertDesk
{
    /// <summary>
    /// Relays a neighbour's alert to the province: a PTDS draft (msgType Alert) that references
    /// the original, with its texts, shapes and the province's communes among its geocodes copied.
    /// The operator reviews it (hazard and level where the source named none) and issues it.
    /// </summary>
    public async Task<Result<AlertView>> RelayAsync(int receivedId, CancellationToken ct)
    {
        var received = await db.ReceivedAlerts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == receivedId, ct);
        if (received is null)
        {
            return new NotFoundError();
        }

        var province = await ProvinceOfAsync(received.UnitId, ct);
        if (!province.IsSuccess)
        {
            return province.Error!;
        }

        var source = AlertJson.Areas(received.AreasJson);
        var codes = source.Units.Select(u => u.Code).ToList();
        var path = province.Value!.Path;
        var units = await db.Units.IgnoreQueryFilters()
            .Where(u => codes.Contains(u.Code) && u.Path.StartsWith(path) && u.Level > 1)
            .OrderBy(u => u.Name)
            .Select(u => new AlertUnit(u.Id, u.Code, u.FullName))
            .ToListAsync(ct);

        var alert = NewDraft(province.Value);
        alert.Hazard = received.Hazard;
        alert.RiskLevel = received.RiskLevel ?? 0;
        alert.RelayedFromId = received.Id;
        alert.AreasJson = AlertJson.Write(source with { Units = units });
        alert.TextsJson = received.TextsJson;
        alert.Note = $"Relayed from {received.Sender} {received.Identifier}";
        db.IssuedAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }
}
