using CivilDefense.Core.Access;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>Command boards in scope, by unit subtree and state.</summary>
public sealed class IndexModel(ListBoards list, GetUnit getUnit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public UnitDetails? Unit { get; private set; }

    public bool CanCreate { get; private set; }

    public Page<BoardSummary> Boards { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (UnitId is { } unitId)
        {
            Unit = (await getUnit.HandleAsync(unitId, ct)).Value;
            if (Unit is null)
            {
                return NotFound();
            }
        }

        Boards = await list.HandleAsync(new ListBoards.Query(UnitId, Active), new PageQuery(PageNumber, 100), ct);
        CanCreate = Unit is not null && AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.CommandBoards);
        return Page();
    }
}
