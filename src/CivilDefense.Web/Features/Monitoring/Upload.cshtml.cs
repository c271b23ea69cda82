using CivilDefense.Core.Access;
using CivilDefense.Core.Geography.Import;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>Backfill from a CSV file: all or nothing, every error with its line and field.</summary>
[RequestSizeLimit(WebHost.MaxUploadBytes)]
public sealed class UploadModel(ImportObservationsCsv import) : PageModel
{
    public IngestReport? Report { get; private set; }

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Monitoring) ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Monitoring))
        {
            return Forbid();
        }

        if (file is null || file.Length == 0)
        {
            Error = "Choose a file; it may not be empty.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = file.OpenReadStream();
        var result = await import.HandleAsync(stream, Path.GetFileName(file.FileName), ct);
        if (!result.IsSuccess)
        {
            return result.Error is Core.Common.ForbiddenError ? Forbid() : BadRequest();
        }

        (Report, Errors) = (result.Value!.Report, result.Value.Errors);
        Response.StatusCode = Errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Page();
    }
}
