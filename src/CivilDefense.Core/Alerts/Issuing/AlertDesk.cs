using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>
/// Writes drafts of PTDS alerts (from the compose page, the API, a risk-level draft warning or a
/// relayed neighbour alert). An alert belongs to the province-level unit above the actor:
/// commanders and officers there write it; users of units below read it but are refused (403).
/// Issuing, updating and cancelling are in AlertDesk.Issue.cs.
/// </summary>
public sealed partial class AlertDesk(PtdsDbContext db, AlertsOptions options, IEnumerable<IAlertIssuedHandler> issuedHandlers)
{
    public async Task<Result<AlertView>> CreateDraftAsync(AlertInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var province = await ProvinceOfAsync(input.UnitId, ct);
        if (!province.IsSuccess)
        {
            return province.Error!;
        }

        var areas = await AreasAsync(input, province.Value!, ct);
        if (!areas.IsSuccess)
        {
            return areas.Error!;
        }

        var alert = NewDraft(province.Value!);
        Apply(alert, input, areas.Value!);
        db.IssuedAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    /// <summary>
    /// The seam for warnings raised by the risk rules: a draft for the operator to review, or
    /// issue at once where the province configured automatic issue (call IssueAsync after it).
    /// </summary>
    public async Task<Result<AlertView>> CreateFromWarningAsync(int provinceUnitId, PtdsHazard hazard, int riskLevel, AlertAreaSet area, AlertTexts texts, CancellationToken ct)
    {
        var province = await ProvinceOfAsync(provinceUnitId, ct);
        if (!province.IsSuccess)
        {
            return province.Error!;
        }

        var alert = NewDraft(province.Value!);
        alert.Hazard = hazard;
        alert.RiskLevel = riskLevel;
        alert.AreasJson = AlertJson.Write(area);
        alert.TextsJson = AlertJson.Write(texts);
        db.IssuedAlerts.Add(alert);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    public async Task<Result<AlertView>> EditDraftAsync(int id, AlertInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var alert = await FindAsync(id, ct);
        if (alert is null)
        {
            return new NotFoundError();
        }

        if (Refusal(alert.Unit) is { } refused)
        {
            return refused;
        }

        if (alert.State != AlertState.Draft)
        {
            return new ValidationError("Only a draft can be changed; send an Update instead.");
        }

        var areas = await AreasAsync(input, alert.Unit, ct);
        if (!areas.IsSuccess)
        {
            return areas.Error!;
        }

        Apply(alert, input, areas.Value!);
        await db.SaveChangesAsync(ct);
        return AlertView.Of(alert);
    }

    public async Task<Result<AlertView>> GetAsync(int id, CancellationToken ct) =>
        await db.IssuedAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } alert ? AlertView.Of(alert) : new NotFoundError();

    /// <summary>The alert with its unit (read past the unit filter: a commune user may see the alert, not the province row).</summary>
    private async Task<IssuedAlert?> FindAsync(int id, CancellationToken ct)
    {
        var alert = await db.IssuedAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is not null)
        {
            alert.Unit = await db.Units.IgnoreQueryFilters().SingleAsync(u => u.Id == alert.UnitId, ct);
        }

        return alert;
    }

    private IssuedAlert NewDraft(AdministrativeUnit province) => new()
    {
        UnitId = province.Id,
        Unit = province,
        Sender = options.Sender,
        State = AlertState.Draft,
        CreatedBy = db.Actor.Name,
        CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
    };

    private static void Apply(IssuedAlert alert, AlertInput input, AlertAreaSet areas)
    {
        alert.Hazard = input.Hazard;
        alert.RiskLevel = input.RiskLevel;
        alert.Status = input.Status;
        alert.Urgency = input.Urgency;
        alert.Certainty = input.Certainty;
        alert.ExpiresUtc = input.Expires?.UtcDateTime;
        alert.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        alert.AreasJson = AlertJson.Write(areas);
        alert.TextsJson = AlertJson.Write(new AlertTexts
        {
            ByLanguage = input.Texts
                .Where(t => !string.IsNullOrWhiteSpace(t.Value.Headline) || !string.IsNullOrWhiteSpace(t.Value.Description))
                .ToDictionary(t => t.Key, t => new AlertText(t.Value.Headline.Trim(), t.Value.Description.Trim(), t.Value.Instruction?.Trim())),
        });
    }

    /// <summary>The province-level unit the actor issues for (or the one asked for, when in scope and writable).</summary>
    private async Task<Result<AdministrativeUnit>> ProvinceOfAsync(int? unitId, CancellationToken ct)
    {
        var actor = db.Actor;
        var units = db.Units.IgnoreQueryFilters();
        AdministrativeUnit? province;
        if (unitId is { } id)
        {
            province = await units.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (province is null || !(actor.Covers(province.Path) || (actor.UnitPath ?? "").StartsWith(province.Path)))
            {
                return ValidationError.ForField("unitId", "No such unit in your scope.");
            }
        }
        else
        {
            var path = actor.UnitPath ?? "";
            province = await units.Where(u => u.Level == 1 && path.StartsWith(u.Path)).SingleOrDefaultAsync(ct);
            if (province is null)
            {
                return ValidationError.ForField("unitId", "Choose the province the alert is issued for.");
            }
        }

        if (province.Level != 1)
        {
            return ValidationError.ForField("unitId", "Alerts are issued by a province.");
        }

        return Refusal(province) is { } refused ? refused : province;
    }

    private ForbiddenError? Refusal(AdministrativeUnit province) =>
        AccessPolicy.CanWrite(db.Actor, Resource.Alerts, province.Path) ? null : new ForbiddenError("Only the province's commanders and officers issue alerts.");

    /// <summary>Resolves chosen units (inside the province) and parses the polygon and circle.</summary>
    private async Task<Result<AlertAreaSet>> AreasAsync(AlertInput input, AdministrativeUnit province, CancellationToken ct)
    {
        var ids = input.AreaUnitIds.Distinct().ToList();
        var units = await db.Units.IgnoreQueryFilters()
            .Where(u => ids.Contains(u.Id) && u.Path.StartsWith(province.Path))
            .OrderBy(u => u.Name)
            .Select(u => new AlertUnit(u.Id, u.Code, u.FullName))
            .ToListAsync(ct);
        if (units.Count != ids.Count)
        {
            return ValidationError.ForField("areaUnitIds", "A chosen unit is not in the province.");
        }

        var polygons = new List<IReadOnlyList<double[]>>();
        if (!string.IsNullOrWhiteSpace(input.Polygon))
        {
            var points = CapText.ParsePoints(input.Polygon.Trim(), out var problem);
            if (points is null || points.Count < 3)
            {
                return ValidationError.ForField("polygon", problem ?? "A polygon needs at least three points \"lat,lon lat,lon …\".");
            }

            var ring = points.Select(p => new[] { p.Latitude, p.Longitude }).ToList();
            if (points[0] != points[^1])
            {
                ring.Add(ring[0]);
            }

            polygons.Add(ring);
        }

        var circles = new List<AlertCircle>();
        if (!string.IsNullOrWhiteSpace(input.Circle))
        {
            var circle = CapText.ParseCircle(input.Circle.Trim(), out var problem);
            if (circle is null)
            {
                return ValidationError.ForField("circle", problem ?? "A circle is \"lat,lon radiusKm\".");
            }

            circles.Add(new AlertCircle(circle.Center.Latitude, circle.Center.Longitude, circle.RadiusKm));
        }

        var areas = new AlertAreaSet { Description = input.AreaDescription?.Trim() ?? "", Units = units, Polygons = polygons, Circles = circles };
        return areas.IsEmpty ? ValidationError.ForField("area", "Choose communes, draw a polygon or give a circle.") : areas;
    }
}
