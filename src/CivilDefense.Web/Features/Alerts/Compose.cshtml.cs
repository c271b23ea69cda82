using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// Write an alert: hazard, level, communes of the province and/or a polygon or circle, texts in
/// Vietnamese and English (and Khmer). Saves a draft (new, edited, or an Update of an issued
/// alert) and goes to its page, where the CAP preview and the validator's findings are shown.
/// </summary>
public sealed class ComposeModel(AlertDesk desk, PtdsDbContext db, AlertsOptions options) : PageModel
{
    public static readonly string[] Languages = ["vi-VN", "en-US", "km-KH"];

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Updates { get; set; }

    [BindProperty]
    public int? ProvinceId { get; set; }

    [BindProperty]
    public PtdsHazard? Hazard { get; set; }

    [BindProperty]
    public int RiskLevel { get; set; } = 1;

    [BindProperty]
    public List<int> Communes { get; set; } = [];

    [BindProperty]
    public string? Polygon { get; set; }

    [BindProperty]
    public string? Circle { get; set; }

    [BindProperty]
    public string? AreaDescription { get; set; }

    [BindProperty]
    public Dictionary<string, AlertText> Texts { get; set; } = [];

    public IReadOnlyList<(int Id, string Name)> Provinces { get; private set; } = [];

    public IReadOnlyList<(int Id, int ProvinceId, string Code, string Name)> Units { get; private set; } = [];

    public string? Problem { get; private set; }

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((Id ?? Updates) is { } source)
        {
            var existing = await desk.GetAsync(source, ct);
            if (!existing.IsSuccess)
            {
                return NotFound();
            }

            var a = existing.Value!;
            (ProvinceId, Hazard, RiskLevel, Communes) = (a.UnitId, a.Hazard, Math.Max(1, a.RiskLevel), [.. a.Areas.Units.Select(u => u.Id)]);
            Polygon = a.Areas.Polygons.FirstOrDefault() is { } ring ? string.Join(' ', ring.Select(p => CapText.Number(p[0]) + "," + CapText.Number(p[1]))) : null;
            Circle = a.Areas.Circles.FirstOrDefault() is { } c ? $"{CapText.Number(c.Latitude)},{CapText.Number(c.Longitude)} {CapText.Number(c.RadiusKm)}" : null;
            AreaDescription = a.Areas.Description;
            Texts = a.Texts.ToDictionary(t => t.Key, t => t.Value);
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = new AlertInput
        {
            UnitId = ProvinceId,
            Hazard = Hazard,
            RiskLevel = RiskLevel,
            AreaUnitIds = Communes,
            Polygon = Polygon,
            Circle = Circle,
            AreaDescription = AreaDescription,
            Texts = Texts.Where(t => Languages.Contains(t.Key) && !string.IsNullOrWhiteSpace(t.Value.Headline))
                .ToDictionary(t => t.Key, t => new AlertText(t.Value.Headline ?? "", t.Value.Description ?? "", t.Value.Instruction)),
        };
        var saved = Id is { } id ? await desk.EditDraftAsync(id, input, ct)
            : Updates is { } updates ? await desk.DraftUpdateAsync(updates, input, ct)
            : await desk.CreateDraftAsync(input, ct);
        if (saved.IsSuccess)
        {
            return Redirect($"/alerts/{saved.Value!.Id}");
        }

        if (saved.Error is ForbiddenError)
        {
            return Forbid();
        }

        Problem = saved.Error!.Message;
        FieldErrors = saved.Error.FieldErrors ?? new Dictionary<string, string[]>();
        await LoadChoicesAsync(ct);
        return Page();
    }

    /// <summary>The provinces the user issues for, and their communes (the area choice).</summary>
    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var path = db.Actor.UnitPath ?? "";
        var provinces = await db.Units.IgnoreQueryFilters().Where(u => u.Level == 1 && u.ValidTo == null && (path.StartsWith(u.Path) || u.Path.StartsWith(path)))
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.FullName, u.Path, u.Code }).ToListAsync(ct);
        Provinces = [.. provinces.Select(p => (p.Id, p.FullName))];
        ProvinceId ??= (provinces.FirstOrDefault(p => p.Code == options.ProvinceCode) ?? provinces.FirstOrDefault())?.Id;
        var paths = provinces.Select(p => p.Path).ToList();
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.Level > 1 && u.ValidTo == null && u.ParentId != null && provinces.Select(p => p.Id).Contains(u.ParentId.Value))
            .OrderBy(u => u.Name).Select(u => new { u.Id, ProvinceId = u.ParentId!.Value, u.Code, u.FullName }).ToListAsync(ct);
        Units = [.. units.Select(u => (u.Id, u.ProvinceId, u.Code, u.FullName))];
    }
}
