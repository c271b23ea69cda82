using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Web.Features.Alerts;
using CivilDefense.Web.Features.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertFlow;

/// <summary>
/// Wires monitoring, issuing and delivery together: a draft warning becomes an alert
/// (POST /api/v1/monitoring/warnings/{id}/alert), an issued message is queued for every subscriber
/// in its area (the <see cref="IAlertIssuedHandler"/>s), automatic-issue warnings are issued by
/// <see cref="AutoIssueService"/>, and confirmation codes go out through the outbox.
/// </summary>
public static class AlertFlowFeature
{
    public static void AddAlertFlow(IServiceCollection services)
    {
        services.AddScoped(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value);
        services.AddScoped<QueueDeliveries>();
        services.AddScoped<DisseminateAlert>();
        services.AddScoped<IAlertIssuedHandler>(sp => sp.GetRequiredService<DisseminateAlert>());
        services.AddScoped<IAlertIssuedHandler, MarkWarningIssued>();
        services.AddScoped<PrepareWarningAlert>();
        services.AddScoped<IssueAutomaticWarnings>();
        services.AddScoped<QueueConfirmation>();

        // Replaces the log-only sender registered by the subscriber feature (the last registration wins).
        services.AddSingleton<LogConfirmationSender>();
        services.AddSingleton<IConfirmationSender, OutboxConfirmationSender>();
        services.AddOptions<AutoIssueOptions>().BindConfiguration(AutoIssueOptions.Section);
        services.AddHostedService<AutoIssueService>();
        services.AddScoped<ResumeDissemination>();
        services.AddHostedService<ResumeDisseminationService>();
    }

    public static void MapAlertFlowApi(RouteGroupBuilder api)
    {
        api.MapPost("/monitoring/warnings/{id:int}/alert", async (PrepareWarningAlert prepare, int id, CancellationToken ct) => (await prepare.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Policies.Editor).WithTags("Monitoring");
        api.MapPost("/alerts/{id:int}/deliveries", Requeue).RequireAuthorization(Policies.Editor).WithTags("Alerts");
    }

    /// <summary>Queues an issued message again (after a failure at issue): what is already queued is not added twice.</summary>
    private static async Task<IResult> Requeue(PtdsDbContext db, DisseminateAlert disseminate, int id, CancellationToken ct)
    {
        var alert = await db.IssuedAlerts.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return new NotFoundError().ToProblem();
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Alerts, alert.UnitPath))
        {
            return new ForbiddenError("Only the province's commanders and officers send its alerts.").ToProblem();
        }

        return (await disseminate.HandleAsync(alert, ct)).ToHttp();
    }
}

/// <summary>The "AlertFlow" settings: how often automatic-issue warnings and unqueued published alerts are looked for.</summary>
public sealed class AutoIssueOptions
{
    public const string Section = "AlertFlow";

    public TimeSpan AutoIssueInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often published alerts without queued deliveries are looked for.</summary>
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromSeconds(30);
}
