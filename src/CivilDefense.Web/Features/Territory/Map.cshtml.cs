using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Territory;

/// <summary>Choropleth of a unit's sub-units; without an id, the user's own unit (or its first province for a national user).</summary>
public sealed class MapModel(GetUnit get, ListUnits list) : PageModel
{
    public UnitDetails? Unit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var unitId = id ?? await DefaultUnitAsync(ct);
        if (unitId is null)
        {
            return NotFound();
        }

        var result = await get.HandleAsync(unitId.Value, ct);
        Unit = result.Value;
        return result.IsSuccess ? Page() : NotFound();
    }

    /// <summary>The demo province is the one with drawn communes; a national user lands on the first province that has boundaries.</summary>
    private async Task<int?> DefaultUnitAsync(CancellationToken ct)
    {
        var actor = PtdsClaims.ToActor(User);
        if (actor.UnitId is not { } own)
        {
            return null;
        }

        var ownUnit = await get.HandleAsync(own, ct);
        if (ownUnit.Value is { Level: > 0 })
        {
            return own;
        }

        var provinces = await list.HandleAsync(new ListUnits.Query(ParentId: own), new Core.Common.PageQuery(1, 100), ct);
        return await FirstWithBoundariesAsync(provinces.Items.Select(p => p.Id), ct) ?? own;
    }

    private async Task<int?> FirstWithBoundariesAsync(IEnumerable<int> provinceIds, CancellationToken ct)
    {
        foreach (var provinceId in provinceIds)
        {
            var communes = await list.HandleAsync(new ListUnits.Query(ParentId: provinceId), new Core.Common.PageQuery(1, 1), ct);
            if (communes.Total > 0 && (await get.HandleAsync(communes.Items[0].Id, ct)).Value is { HasBoundary: true })
            {
                return provinceId;
            }
        }

        return null;
    }
}
