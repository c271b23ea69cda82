using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Territory;

/// <summary>The 2025 old-to-new mapping as a filterable, exportable table.</summary>
public sealed class MappingModel(ListSuccessions list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<ListSuccessions.Row> Rows { get; private set; } = new([], 0, 1, 100);

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await list.HandleAsync(Search, new PageQuery(PageNumber, 100), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var all = await list.HandleAsync(Search, new PageQuery(1, PageQuery.MaxPageSize), ct);
        var rows = new List<ListSuccessions.Row>(all.Items);
        for (var page = 2; page <= all.PageCount; page++)
        {
            rows.AddRange((await list.HandleAsync(Search, new PageQuery(page, PageQuery.MaxPageSize), ct)).Items);
        }

        return CsvExport.File(rows, "unit-mapping-2025.csv");
    }
}
