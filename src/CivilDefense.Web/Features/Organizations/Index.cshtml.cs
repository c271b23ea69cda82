using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>Organisations in scope, filtered by unit subtree, kind, name and state; exportable as CSV.</summary>
public sealed class IndexModel(ListOrganizations list, GetUnit getUnit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public OrganizationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public UnitDetails? Unit { get; private set; }

    public bool CanCreate { get; private set; }

    public Page<OrganizationSummary> Organizations { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveUnitAsync(ct))
        {
            return NotFound();
        }

        Organizations = await list.HandleAsync(Query(), new PageQuery(PageNumber, 100), ct);
        CanCreate = Unit is not null && AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Organizations)
            && PtdsClaims.ToActor(User).Role != Role.AgencyLiaison;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await ResolveUnitAsync(ct))
        {
            return NotFound();
        }

        var rows = await (await list.FilterAsync(Query(), ct))
            .OrderBy(o => o.Unit.Path).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new { o.Id, Unit = o.Unit.FullName, UnitCode = o.Unit.Code, Kind = o.Kind.ToString(), o.Name, o.ShortName, o.Address, o.Phone, o.Email, o.IsActive })
            .ToListAsync(ct);
        return CsvExport.File(rows, "organizations.csv");
    }

    private async Task<bool> ResolveUnitAsync(CancellationToken ct)
    {
        if (UnitId is { } unitId)
        {
            var unit = await getUnit.HandleAsync(unitId, ct);
            Unit = unit.Value;
            return unit.IsSuccess;
        }

        return true;
    }

    private ListOrganizations.Query Query() => new(UnitId, Kind, Search, Active);
}
