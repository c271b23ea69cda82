using CivilDefense.Core.Resources.StockCounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>One count: while a draft, the preview of its differences with Apply and Discard; afterwards, what it changed.</summary>
public sealed class StockCountModel(GetStockCount get, ApplyStockCount apply, DiscardStockCount discard) : PageModel
{
    public StockCountDetails Count { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Count = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, int version, CancellationToken ct) =>
        Done(id, (await apply.HandleAsync(id, version, ct)).Error) ?? await OnGetAsync(id, ct);

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct) =>
        Done(id, (await discard.HandleAsync(id, ct)).Error) ?? await OnGetAsync(id, ct);

    private RedirectResult? Done(int id, Core.Common.Error? error)
    {
        Error = error?.Message;
        return error is null ? Redirect($"/readiness/stock-counts/{id}") : null;
    }
}
