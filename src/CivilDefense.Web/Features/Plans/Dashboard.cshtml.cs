using CivilDefense.Core.Access;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Plans;

/// <summary>A plan's dashboard: heat map of groups × bodies, flags, progress chart, filters, downloads, reporting period.</summary>
public sealed class DashboardModel(GetPlanDashboard dashboard, UpdatePlanSettings settings, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? GroupId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AssignmentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public PlanDashboard? Dashboard { get; private set; }

    public bool CanEdit { get; private set; }

    public string? Error { get; private set; }

    public string Query => string.Join("&", new[]
    {
        OrganizationId is { } o ? $"organizationId={o}" : null,
        GroupId is { } g ? $"groupId={g}" : null,
        Status is { } s ? $"status={s}" : null,
    }.Where(x => x is not null));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await dashboard.HandleAsync(Id, new DashboardFilter(OrganizationId, GroupId, Status, Period), ct);
        if (result.Error is CivilDefense.Core.Common.NotFoundError)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            Error = Organizations.ErrorText.Of(result.Error!, text);
            Period = null;
            result = await dashboard.HandleAsync(Id, new DashboardFilter(OrganizationId, GroupId, Status), ct);
        }

        Dashboard = result.Value;
        var actor = PtdsClaims.ToActor(User);
        CanEdit = AccessPolicy.CanWriteAny(actor, Resource.Plans) && actor.Role != Role.AgencyLiaison;
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(ReportingPeriod reportingPeriod, CancellationToken ct)
    {
        var result = await settings.HandleAsync(Id, new UpdatePlanSettings.Input(reportingPeriod), ct);
        if (!result.IsSuccess)
        {
            await OnGetAsync(ct);
            Error = Organizations.ErrorText.Of(result.Error!, text);
            Response.StatusCode = Organizations.ErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text["The reporting period was changed."];
        return Redirect($"/plans/{Id}/dashboard");
    }
}
