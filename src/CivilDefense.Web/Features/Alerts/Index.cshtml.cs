using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>Alerts issued and received, filtered by source, hazard and state; CSV of the same filter.</summary>
public sealed class IndexModel(AlertRegister register, ManageFeeds feeds, CivilDefense.Core.Data.PtdsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public PtdsHazard? Hazard { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<AlertListItem> Alerts { get; private set; } = [];

    public IReadOnlyList<FeedView> Feeds { get; private set; } = [];

    public bool CanCompose { get; private set; }

    public string Query => $"source={Uri.EscapeDataString(Source ?? "")}&hazard={Hazard}&state={Uri.EscapeDataString(State ?? "")}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Alerts = [.. (await register.ListAsync(new AlertListQuery(Source, Hazard, State), ct)).Take(500)];
        Feeds = await feeds.ListAsync(ct);
        CanCompose = await AlertPermissions.MayWriteAsync(db, PtdsClaims.ToActor(User), Resource.Alerts, ct);
    }
}
