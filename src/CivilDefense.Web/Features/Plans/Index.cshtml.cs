using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Plans;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Plans;

/// <summary>Plans the user can see: their subtree's and those above it that they carry out.</summary>
public sealed class IndexModel(ListPlans list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<PlanSummary> Plans { get; private set; } = new([], 0, 1, 50);

    public bool CanImport { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await list.HandleAsync(new ListPlans.Query(Search: Search), new PageQuery(PageNumber, 50), ct);
        var actor = PtdsClaims.ToActor(User);
        CanImport = AccessPolicy.CanWriteAny(actor, Resource.Plans) && actor.Role != Role.AgencyLiaison;
    }
}
