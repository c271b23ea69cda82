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
public sealed class PlanModel(GetPlan get, MapPlanBody map, Core.Plans.Tracking.ListCarriedDown carried, Core.Plans.Tracking.CreateSubordinatePlan subordinate, Core.Data.PtdsDbContext db, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public PlanDetails? Plan { get; private set; }

    public bool CanEdit { get; private set; }

    /// <summary>For each task, the subordinate plans that carry it down, with their progress.</summary>
    public ILookup<int, Core.Plans.Tracking.CarriedDownView> CarriedDown { get; private set; } = Array.Empty<Core.Plans.Tracking.CarriedDownView>().ToLookup(c => c.ParentTaskId);

    /// <summary>Organisations a review-list name can be mapped to: those of the plan's unit and below.</summary>
    public IReadOnlyList<(int Id, string Name)> Organizations { get; private set; } = [];

    /// <summary>Units the user may make a subordinate plan for: the plan's unit and those under it, in the user's scope.</summary>
    public IReadOnlyList<(int Id, string Name)> SubordinateUnits { get; private set; } = [];

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

    public async Task<IActionResult> OnPostSubordinateAsync(int unitId, List<int> taskIds, string? title, string? numberSymbol, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing)
        {
            return missing;
        }

        var result = await subordinate.HandleAsync(Id, new Core.Plans.Tracking.CreateSubordinatePlan.Input(unitId, taskIds, title, numberSymbol), ct);
        if (!result.IsSuccess)
        {
            Error = ErrorText.Of(result.Error!, text);
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text["The subordinate plan was created."];
        return Redirect($"/plans/{result.Value}");
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
        // The plan's own copy of its unit path: a commune's user cannot read the province's unit.
        var unitPath = await db.Plans.Where(p => p.Id == Id).Select(p => p.UnitPath).SingleOrDefaultAsync(ct);
        var actor = PtdsClaims.ToActor(User);
        CanEdit = unitPath is not null && AccessPolicy.CanWrite(actor, Resource.Plans, unitPath) && actor.Role != Role.AgencyLiaison;
        if (unitPath is not null && actor.Role is not (Role.Viewer or Role.AgencyLiaison))
        {
            // Scope filters already keep other branches out; the write rule decides the rest.
            SubordinateUnits = (await db.Units.AsNoTracking()
                    .Where(u => u.Path.StartsWith(unitPath))
                    .OrderBy(u => u.Path.Length).ThenBy(u => u.Name)
                    .Take(1000)
                    .Select(u => new { u.Id, u.FullName, u.Path })
                    .ToListAsync(ct))
                .Where(u => AccessPolicy.CanWrite(actor, Resource.Plans, u.Path))
                .Select(u => (u.Id, u.FullName))
                .ToList();
        }

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
