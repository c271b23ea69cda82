using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Territory;

/// <summary>The administrative tree, browsed one level at a time from the user's own unit.</summary>
public sealed class IndexModel(ListUnits list, GetUnit get, PtdsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? ParentId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public UnitKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool IncludeFormer { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public UnitDetails? Parent { get; private set; }

    public Page<UnitSummary> Units { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveParentAsync(ct))
        {
            return NotFound();
        }

        Units = await list.HandleAsync(Query(), new PageQuery(PageNumber, 100), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await ResolveParentAsync(ct))
        {
            return NotFound();
        }

        var rows = await ListUnits.Filter(db.Units.AsNoTracking(), Query(), db.Clock)
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new { u.Code, u.FullName, u.NameEn, Kind = u.Kind.ToString(), u.Population, u.PopulationYear, u.Households, u.AreaKm2, u.CentroidLat, u.CentroidLon, u.ValidFrom, u.ValidTo })
            .ToListAsync(ct);
        return CsvExport.File(rows, "units.csv");
    }

    /// <summary>Without a parent or search, the list starts at the user's own unit's children.</summary>
    private async Task<bool> ResolveParentAsync(CancellationToken ct)
    {
        if (ParentId is null && string.IsNullOrWhiteSpace(Search) && Kind is null)
        {
            ParentId = PtdsClaims.ToActor(User).UnitId;
        }

        if (ParentId is { } parentId)
        {
            var parent = await get.HandleAsync(parentId, ct);
            Parent = parent.Value;
            return parent.IsSuccess;
        }

        return true;
    }

    private ListUnits.Query Query() => new(ParentId, Search, Kind, null, IncludeFormer);
}
