using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// Runs the escalation step as the system every Alerts:EscalationCheckSeconds. The work, and
/// what makes it safe to run on several hosts at once, is in <see cref="EscalateUnacknowledged"/>.
/// </summary>
public sealed class EscalationService(IServiceScopeFactory scopes, IOptions<AcknowledgementOptions> options, TimeProvider clock, ILogger<EscalationService> log)
    : SystemRoundService(scopes, clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.EscalationCheckSeconds);

    protected override string FailureMessage => "Escalating unacknowledged alerts failed.";

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        var run = await services.GetRequiredService<EscalateUnacknowledged>().RunAsync(ct);
        if (run.Escalated > 0)
        {
            log.LogInformation("Escalated {Organizations} unacknowledged organisation(s); {Deliveries} deliveries queued.", run.Escalated, run.DeliveriesQueued);
        }
    }
}
