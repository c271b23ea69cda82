using CivilDefense.Core.Access;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Territory;

/// <summary>One unit: its facts, its 2025 succession, and an edit form for those allowed.</summary>
public sealed class UnitModel(GetUnit get, UpdateUnit update, UiText text) : PageModel
{
    public sealed class EditInput
    {
        public int Version { get; set; }

        public string Name { get; set; } = "";

        public string FullName { get; set; } = "";

        public string? NameEn { get; set; }

        public string? FullNameEn { get; set; }

        public int? Population { get; set; }

        public int? PopulationYear { get; set; }

        public int? Households { get; set; }

        public double? AreaKm2 { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidTo { get; set; }
    }

    public UnitDetails? Unit { get; private set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public bool CanEdit { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var u = Unit!;
        Input = new EditInput
        {
            Version = u.Version,
            Name = u.Name,
            FullName = u.FullName,
            NameEn = u.NameEn,
            FullNameEn = u.FullNameEn,
            Population = u.Population,
            PopulationYear = u.PopulationYear,
            Households = u.Households,
            AreaKm2 = u.AreaKm2,
            ValidFrom = u.ValidFrom,
            ValidTo = u.ValidTo,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            return Forbid();
        }

        var result = await update.HandleAsync(id, new UpdateUnit.Input(
            Input.Version, Input.Name, Input.NameEn, Input.FullName, Input.FullNameEn,
            Input.Population, Input.PopulationYear, Input.Households, Input.AreaKm2, Input.ValidFrom, Input.ValidTo), ct);
        if (!result.IsSuccess)
        {
            Error = result.Error is Core.Common.ConflictError ? text["Someone else changed this record; reload and try again."] : result.Error!.Message;
            Response.StatusCode = result.Error is Core.Common.ConflictError ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        Unit = result.Value;
        Input.Version = Unit!.Version;
        Message = text["Saved."];
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        Unit = result.Value;
        CanEdit = Unit is not null && AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Territory);
        return result.IsSuccess;
    }
}
