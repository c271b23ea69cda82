using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>The readiness norms: everyone in scope reads them, provincial commanders and administrators edit them.</summary>
public sealed class NormsModel(ListNorms list, CreateNorm create, UpdateNorm update, DeleteNorm delete) : PageModel
{
    public IReadOnlyList<NormView> Norms { get; private set; } = [];

    /// <summary>Whether the user may add norms: a commander or administrator of a province (or national).</summary>
    public bool CanCreate { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, NormInput input, CancellationToken ct)
    {
        var result = id is { } existing ? await update.HandleAsync(existing, input, ct) : await create.HandleAsync(input, ct);
        return await AfterAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await AfterAsync((await delete.HandleAsync(id, ct)).Error, ct);

    private async Task<IActionResult> AfterAsync(Error? error, CancellationToken ct)
    {
        if (error is null)
        {
            return RedirectToPage();
        }

        if (error is ForbiddenError)
        {
            return Forbid();
        }

        Error = error.FieldErrors is { } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Message;
        Response.StatusCode = error is NotFoundError ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = PtdsClaims.ToActor(User);
        Norms = await list.HandleAsync(null, ct);
        CanCreate = AccessPolicy.CanWriteAny(actor, Resource.ReadinessNorms) && Norms.Any(n => n.CanEdit);
    }
}
