using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertFlow;

/// <summary>Queues, as the system, published alerts whose queueing failed or never ran (<see cref="ResumeDissemination"/>).</summary>
public sealed class ResumeDisseminationService(IServiceScopeFactory scopes, IOptions<AutoIssueOptions> options, TimeProvider clock, ILogger<ResumeDisseminationService> log)
    : SystemRoundService(scopes, clock, log)
{
    protected override TimeSpan Interval => options.Value.ResumeInterval;

    protected override string FailureMessage => "Resuming the dissemination of published alerts failed.";

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        foreach (var resumed in await services.GetRequiredService<ResumeDissemination>().RunAsync(ct))
        {
            if (resumed.Problem is { } problem)
            {
                log.LogWarning("Alert {Alert} is published but its deliveries could not be queued: {Problem}", resumed.IssuedAlertId, problem);
            }
            else
            {
                log.LogWarning("Alert {Alert} was published without its deliveries; queued {Queued} now.", resumed.IssuedAlertId, resumed.Report!.Queued);
            }
        }
    }
}
