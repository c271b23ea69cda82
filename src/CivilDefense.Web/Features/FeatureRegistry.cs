using CivilDefense.Core.Access;
using CivilDefense.Web.Features.Account;
using CivilDefense.Web.Features.Audit;
using CivilDefense.Web.Features.Readiness;
using CivilDefense.Web.Features.ReadinessScore;
using CivilDefense.Web.Features.Territory;
using CivilDefense.Web.Features.Tokens;
using CivilDefense.Web.Features.Users;

namespace CivilDefense.Web.Features;

/// <summary>The list of features: each adds its handlers and maps its API routes here, one line each.</summary>
public static class FeatureRegistry
{
    public static IServiceCollection AddPtdsFeatures(this IServiceCollection services)
    {
        services.AddScoped<SignIn>();
        services.AddScoped<EnsureAdministrator>();
        services.AddTerritory();
        Organizations.OrganizationsApi.AddOrganizations(services);
        CommandBoards.CommandBoardsApi.AddCommandBoards(services);
        services.AddUsers();
        services.AddTokens();
        services.AddAudit();
        Plans.PlansApi.AddPlans(services);
        services.AddReadinessScore();
        services.AddReadiness();
        Plans.PlanTrackingApi.AddPlanTracking(services);
        Monitoring.MonitoringApi.AddMonitoring(services);
        Delivery.DeliveryFeature.AddDelivery(services);
        Subscribers.SubscriberServices.AddSubscribers(services);
        Alerts.AlertsApi.AddAlerts(services);
        AlertFlow.AlertFlowFeature.AddAlertFlow(services);
        AlertBoard.AlertBoardFeature.AddAlertBoard(services);
        return services;
    }

    public static void MapPtdsFeatures(this RouteGroupBuilder api)
    {
        api.MapAccountApi();
        api.MapTerritoryApi();
        Organizations.OrganizationsApi.MapOrganizationsApi(api);
        CommandBoards.CommandBoardsApi.MapCommandBoardsApi(api);
        api.MapUsersApi();
        api.MapTokensApi();
        api.MapAuditApi();
        Plans.PlansApi.MapPlansApi(api);
        api.MapReadinessScoreApi();
        api.MapReadinessApi();
        Plans.PlanTrackingApi.MapPlanTrackingApi(api);
        Monitoring.MonitoringApi.MapMonitoringApi(api);
        Subscribers.SubscribersApi.MapSubscribersApi(api);
        Alerts.AlertsApi.MapAlertsApi(api);
        AlertFlow.AlertFlowFeature.MapAlertFlowApi(api);
        AlertBoard.AlertBoardFeature.MapAlertBoardApi(api);
    }
}
