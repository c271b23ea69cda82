using CivilDefense.Core.Access;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Import;
using CivilDefense.Web.Features.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Plans;

/// <summary>One plan: its header, sections, tasks with their bodies, the review list and the revisions.</summary>
public sealed class PlanModel(GetPlan get, MapPlanBody map, Core.Plans.Tracking.ListCarriedDown carried, Core.Data.PtdsDbContext db, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public PlanDetails? Plan { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>For each task, the subordinate plans that carry it down, with their progress.</summary>
    public ILookup<int, Core.Plans.Tracking.CarriedDownView> CarriedDown { get; private set; } = Array.Empty<Core.Plans.Tracking.CarriedDownView>().ToLookup(c => c.ParentTaskId);

    /// <summary>Organisations a review-list name can be mapped to: those of the plan's unit and below.</summary>
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostMapAsync(string mentionKey, string choice, int? organizationId, string? newName, OrganizationKind newKind, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        var input = choice == "new"
            ? new MapPlanBody.Input(mentionKey, null, new NewBodyOrganization(newName ?? "", newKind, Plan!.UnitId, null))
            : new MapPlanBody.Input(mentionKey, organizationId, null);
        var result = await map.HandleAsync(Id, input, ct);
        if (!result.IsSuccess)
        {
            Error = ErrorText.Of(result.Error!, text);
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text.Format("Mapped in {0} tasks.", result.Value);
        return Redirect($"/plans/{Id}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var plan = await get.HandleAsync(Id, ct);
        if (!plan.IsSuccess)
        {
            return NotFound();
        }

        Plan = plan.Value;
        CarriedDown = await carried.HandleAsync(Id, ct);
        var unitPath = await db.Units.Where(u => u.Id == Plan!.UnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        var actor = PtdsClaims.ToActor(User);
        CanEdit = unitPath is not null && AccessPolicy.CanWrite(actor, Resource.Plans, unitPath) && actor.Role != Role.AgencyLiaison;
        if (CanEdit && Plan!.Unresolved.Count > 0)
        {
            Organizations = await db.Organizations.AsNoTracking()
                .Where(o => o.IsActive && o.Unit.Path.StartsWith(unitPath!))
                .OrderBy(o => o.Unit.Path.Length).ThenBy(o => o.Name)
                .Take(2000)
                .Select(o => new ValueTuple<int, string>(o.Id, o.Name))
                .ToListAsync(ct);
        }

        return null;
    }
}
