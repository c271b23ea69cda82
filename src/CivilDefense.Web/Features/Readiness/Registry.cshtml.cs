using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography.Import;
using CivilDefense.Core.Resources.Registry;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>One registry (forces, equipment, supplies, logistics points, shelters): filters, paging, CSV/XLSX export and upload.</summary>
public sealed class RegistryModel(PtdsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public RegistryTable Table { get; private set; } = new([], [], 0, 1, 0, null);

    public bool CanImport { get; private set; }

    public RegistryImportReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RegistryKinds.Run(Kind, new ListTableAction(db, Query(), new PageQuery(PageNumber, 50), ct)) is not { } listing)
        {
            return NotFound();
        }

        Table = await listing;
        CanImport = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Readiness);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        var fileFormat = format == "xlsx" ? RegistryFileFormat.Xlsx : RegistryFileFormat.Csv;
        using var buffer = new MemoryStream();
        if (RegistryKinds.Run(Kind, new ExportFileAction(db, Query(), fileFormat, buffer, ct)) is not { } export || !(await export).IsSuccess)
        {
            return NotFound();
        }

        return File(buffer.ToArray(), RegistryFile.ContentType(fileFormat), $"{Kind}.{fileFormat.ToString().ToLowerInvariant()}");
    }

    /// <summary>Any reader may post; rows the actor may not write are reported as errors by the import itself.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || RegistryFile.FormatOf(file.FileName) is not { } format || file.Length > RegistryEndpoints.MaxImportBytes)
        {
            Report = new RegistryImportReport(0, 0, [new ImportError(1, "file", "upload a .csv or .xlsx file of at most 20 MB", "row")], false);
        }
        else
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            if (RegistryKinds.Run(Kind, new ImportFileAction(db, stream, format, ct)) is not { } import)
            {
                return NotFound();
            }

            Report = await import;
        }

        return await OnGetAsync(ct);
    }

    private ListRecords.Query Query() => new(UnitId, Category, null, Search);
}
