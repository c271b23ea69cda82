using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>The neighbour feeds: list, add, switch off, poll now (administrators and commanders of the province).</summary>
public sealed class FeedsModel(ManageFeeds feeds, FeedPoller poller, CivilDefense.Core.Data.PtdsDbContext db, Core.Alerts.Issuing.AlertsOptions options) : PageModel
{
    public IReadOnlyList<FeedView> Feeds { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string name, string url, int intervalMinutes, CancellationToken ct)
    {
        var province = await DeploymentProvince.IdAsync(db, options, ct);
        var saved = await feeds.SaveAsync(null, new FeedInput(name ?? "", url ?? "", province, IntervalMinutes: intervalMinutes <= 0 ? 5 : intervalMinutes), ct);
        Message = saved.IsSuccess ? null : string.Join("; ", saved.Error!.FieldErrors?.SelectMany(f => f.Value) ?? [saved.Error.Message]);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPollAsync(int id, CancellationToken ct)
    {
        var result = await poller.PollAsync(id, ct);
        Message = result.IsSuccess ? result.Value!.Summary : result.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSwitchAsync(int id, CancellationToken ct)
    {
        var feed = (await feeds.ListAsync(ct)).SingleOrDefault(f => f.Id == id);
        if (feed is null)
        {
            return NotFound();
        }

        var saved = await feeds.SaveAsync(id, new FeedInput(feed.Name, feed.Url, feed.UnitId, !feed.Enabled, feed.IntervalMinutes, feed.Version), ct);
        Message = saved.IsSuccess ? null : saved.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var deleted = await feeds.DeleteAsync(id, ct);
        Message = deleted.IsSuccess ? null : deleted.Error!.Message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Feeds = await feeds.ListAsync(ct);
        var actor = PtdsClaims.ToActor(User);
        CanEdit = await AlertPermissions.MayWriteAsync(db, actor, Resource.AlertFeeds, ct);
    }
}
