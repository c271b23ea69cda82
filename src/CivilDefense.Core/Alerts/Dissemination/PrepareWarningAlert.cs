using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// Turns a draft warning (bản tin cảnh báo dự thảo) into a draft CAP alert of the province above
/// the station: the hazard and level as computed, the station's commune as the area (its
/// VN_MA_DVHC geocode), and vi-VN and en-US texts from the warning's explanations. One alert per
/// warning: the warning keeps the alert's id (unique), and asking again returns that alert. The
/// operator reviews the draft on the alert page and issues it.
/// </summary>
public sealed class PrepareWarningAlert(PtdsDbContext db, AlertDesk desk)
{
    public async Task<Result<AlertView>> HandleAsync(int warningId, CancellationToken ct)
    {
        var warning = await db.DraftWarnings.Include(d => d.Station).Include(d => d.Unit).SingleOrDefaultAsync(d => d.Id == warningId, ct);
        if (warning is null)
        {
            return new NotFoundError("No such warning.");
        }

        if (warning.AlertId is { } existing)
        {
            return await desk.GetAsync(existing, ct);
        }

        if (warning.Status == WarningStatus.Dismissed)
        {
            return new ValidationError("The warning was dismissed; it cannot become an alert.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Monitoring, warning.Unit.Path))
        {
            return new ForbiddenError("You may not act on warnings of this unit.");
        }

        var path = warning.Unit.Path;
        var provinceId = await db.Units.IgnoreQueryFilters().Where(u => u.Level == 1 && path.StartsWith(u.Path)).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (provinceId is null)
        {
            return new ValidationError("The station's unit is not under a province.");
        }

        var hazard = HazardOf(warning.Hazard);
        var area = new AlertAreaSet
        {
            Description = warning.Unit.FullName,
            Units = [new AlertUnit(warning.Unit.Id, warning.Unit.Code, warning.Unit.FullName)],
        };

        // The alert and the link in one transaction: if another operator linked the warning first,
        // the version check fails and the second alert is rolled back with it.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await desk.CreateFromWarningAsync(provinceId.Value, hazard, warning.Level, area, Texts(warning, hazard), ct);
        if (!created.IsSuccess)
        {
            return created;
        }

        warning.AlertId = created.Value!.Id;
        if (warning.Status == WarningStatus.Draft)
        {
            // Preparing the alert is the operator's review of the warning.
            warning.Status = WarningStatus.Ready;
            warning.ReviewedAt = db.Clock.GetUtcNow().UtcDateTime;
            warning.ReviewedByUserId = db.Actor.UserId;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);

            // The rolled-back alert and link must not be saved by a later SaveChanges of this context.
            db.ChangeTracker.Clear();
            return new ConflictError("Another alert was prepared from this warning at the same time; reload.");
        }

        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>Monitoring's hazards as CAP event codes; a concurrent-hazards level is carried by its main hazard (flood).</summary>
    public static PtdsHazard HazardOf(Hazard hazard) => hazard switch
    {
        Hazard.HeavyRain => PtdsHazard.HeavyRain,
        _ => PtdsHazard.Flood,
    };

    private static AlertTexts Texts(DraftWarning w, PtdsHazard hazard) => new()
    {
        ByLanguage = new Dictionary<string, AlertText>
        {
            ["vi-VN"] = new(
                $"Cảnh báo {HazardNames.Vietnamese(hazard).ToLowerInvariant()} cấp độ {w.Level}: {w.Unit.FullName} (trạm {w.Station.Name})",
                w.ExplanationVi,
                "Theo dõi tin cảnh báo, chuẩn bị sơ tán và làm theo hướng dẫn của chính quyền địa phương."),
            ["en-US"] = new(
                $"{HazardNames.English(hazard)} warning, risk level {w.Level}: {w.Unit.FullNameEn ?? w.Unit.FullName} ({w.Station.Name} station)",
                w.ExplanationEn,
                "Follow the alerts, be ready to evacuate and do as the local authorities instruct."),
        },
    };
}
