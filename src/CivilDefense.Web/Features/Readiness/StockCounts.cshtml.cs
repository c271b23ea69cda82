using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.StockCounts;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>A commune's stock count: its items with a new quantity each, submitted as one batch, and the history of counts.</summary>
public sealed class StockCountsModel(PtdsDbContext db, SubmitStockCount submit, ListStockCounts history) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    public string? UnitName { get; private set; }

    public IReadOnlyList<StockItem> Items { get; private set; } = [];

    public Page<StockCountSummary> History { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>The posted count: one quantity per item, keyed "Supply-12", "Equipment-7".</summary>
    [BindProperty]
    public Dictionary<string, double?> Quantities { get; set; } = [];

    [BindProperty]
    public DateOnly CountedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow);

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        UnitId ??= PtdsClaims.ToActor(User).UnitId;
        UnitName = await db.Units.Where(u => u.Id == UnitId).Select(u => u.FullName).SingleOrDefaultAsync(ct);
        if (UnitName is null)
        {
            return NotFound();
        }

        Items = [.. (await StockItems.OfUnitAsync(db, UnitId!.Value, ct)).Values];
        History = await history.HandleAsync(UnitId, new PageQuery(1, 50), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lines = Quantities.Where(q => q.Value is not null).Select(q =>
        {
            var parts = q.Key.Split('-');
            return new SubmitStockCount.Line(Enum.Parse<StockItemKind>(parts[0]), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), q.Value!.Value);
        }).ToList();
        var result = await submit.HandleAsync(new SubmitStockCount.Input(UnitId ?? 0, CountedOn, Note, lines), ct);
        if (result.IsSuccess)
        {
            return Redirect($"/readiness/stock-counts/{result.Value!.Id}");
        }

        Errors = [result.Error!.Message, .. (result.Error.FieldErrors?.Values.SelectMany(v => v) ?? [])];
        return await OnGetAsync(ct);
    }
}
