using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>One alert's shapes for the map, in Leaflet's [lat, lon] order (as CAP writes them).</summary>
public sealed record AlertShape(string Kind, int Id, string? Headline, string State, int? RiskLevel, AlertAreaSet Areas);

/// <summary>The province drawn under the alerts (its communes' boundaries, by /api/v1/units/{id}/map).</summary>
public sealed record AlertMapData(int? ProvinceId, IReadOnlyList<AlertShape> Alerts);

/// <summary>The shapes of current alerts in scope: issued ones not cancelled, and the newest received ones.</summary>
public static class AlertMap
{
    private const int Limit = 200;

    public static async Task<IResult> GeoJsonAsync(PtdsDbContext db, AlertsOptions options, CancellationToken ct)
    {
        var province = await DeploymentProvince.IdAsync(db, options, ct);
        var issued = await db.IssuedAlerts.AsNoTracking().Where(a => a.State == AlertState.Issued && a.MessageType != Core.Alerts.Cap.CapMessageType.Cancel)
            .OrderByDescending(a => a.SentUtc).Take(Limit).ToListAsync(ct);
        var received = await db.ReceivedAlerts.AsNoTracking().OrderByDescending(r => r.Id).Take(Limit)
            .Select(r => new { r.Id, r.Headline, r.AreasJson }).ToListAsync(ct);
        var shapes = issued.Select(a => new AlertShape("issued", a.Id, a.Texts.Of("vi-VN")?.Headline, a.State.ToString(), a.RiskLevel, a.Areas))
            .Concat(received.Select(r => new AlertShape("received", r.Id, r.Headline, "Received", null, AlertJson.Areas(r.AreasJson))))
            .ToList();
        return TypedResults.Ok(new AlertMapData(province, shapes));
    }
}
