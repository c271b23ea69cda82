using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography.Import;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>
/// Subscribers in scope for staff: filters, CSV export, the duty-contact import and deactivation.
/// Phone, e-mail and location appear masked for the roles that may not see them. The write
/// handlers need no role check of their own: the write guard refuses what the actor may not do.
/// </summary>
public sealed class IndexModel(ListSubscribers list, ImportDutyContacts import, SetSubscriberActive setActive) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SubscriberKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public SubscriberStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<SubscriberView> Subscribers { get; private set; } = new([], 0, 1, 100);

    public IReadOnlyList<ImportError> ImportErrors { get; private set; } = [];

    public string? Message { get; private set; }

    public bool CanWrite => AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Subscribers);

    private SubscriberFilter Filter => new(Kind, Status, UnitId, null, null, Search);

    public async Task OnGetAsync(CancellationToken ct) =>
        Subscribers = await list.HandleAsync(Filter, new PageQuery(PageNumber, 100), ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        CsvExport.File((await list.ExportAsync(Filter, ct)).Select(SubscriberCsvRow.Of), "subscribers.csv");

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ImportErrors = [new ImportError(1, "file", "choose a CSV file")];
        }
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var report = await import.HandleAsync(reader, ct);
            ImportErrors = report.Errors;
            Message = report.IsSuccess ? $"{report.Created} / {report.Updated}" : null;
        }

        if (ImportErrors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, int version, CancellationToken ct)
    {
        var result = await setActive.HandleAsync(id, active, version, ct);
        if (!result.IsSuccess)
        {
            return result.Error is NotFoundError ? NotFound() : BadRequest(result.Error!.Message);
        }

        return Redirect(Request.Path + Request.QueryString);
    }
}
