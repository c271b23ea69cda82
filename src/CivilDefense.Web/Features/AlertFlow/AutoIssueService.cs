using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertFlow;

/// <summary>
/// Issues, as the system, the alerts of warnings raised under automatic-issue rules (see
/// <see cref="IssueAutomaticWarnings"/> for why this is not done inside the ingest). A warning
/// waits at most one interval; a failed round is tried again at the next.
/// </summary>
public sealed class AutoIssueService(IServiceScopeFactory scopes, IOptions<AutoIssueOptions> options, TimeProvider clock, ILogger<AutoIssueService> log)
    : SystemRoundService(scopes, clock, log)
{
    /// <summary>Public URLs when no Alerts:PublicBaseUrl is configured and there is no request to take it from.</summary>
    private static readonly Uri LocalBase = new("http://localhost/");

    protected override TimeSpan Interval => options.Value.AutoIssueInterval;

    protected override string FailureMessage => "Automatic issue of warnings failed.";

    protected override async Task RunRoundAsync(IServiceProvider services, CancellationToken ct)
    {
        var publicBase = services.GetRequiredService<AlertsOptions>().PublicBaseUrl ?? LocalBase;
        foreach (var outcome in await services.GetRequiredService<IssueAutomaticWarnings>().HandleAsync(publicBase, ct))
        {
            if (outcome.Problem is { } problem)
            {
                log.LogWarning("Automatic issue of warning {Warning} failed: {Problem}", outcome.WarningId, problem);
            }
            else
            {
                log.LogInformation("Warning {Warning} issued automatically as alert {Alert}.", outcome.WarningId, outcome.AlertId);
            }
        }
    }
}
