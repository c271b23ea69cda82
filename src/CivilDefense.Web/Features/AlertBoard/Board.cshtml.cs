using CivilDefense.Core.Alerts.Acknowledgements;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// The delivery board of one alert. The page renders the snapshot of the moment (so it works
/// without JavaScript); the script then follows the SSE stream, or polls the JSON snapshot when
/// the stream fails, and redraws the totals, the chart and the table in place.
/// </summary>
public sealed class BoardModel(DeliveryBoard board) : PageModel
{
    public BoardSnapshot Snapshot { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Commune { get; set; }

    public IReadOnlyList<BoardRow> Rows => BoardFilter.Apply(Snapshot.Rows, Channel, Commune).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await board.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Snapshot = result.Value!;
        return Page();
    }
}
