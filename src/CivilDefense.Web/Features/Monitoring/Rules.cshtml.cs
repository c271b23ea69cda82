using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>The risk-level rules: everyone in scope reads them; provincial commanders and administrators edit them.</summary>
public sealed class RulesModel(ListRiskRules list, EditRiskRule edit) : PageModel
{
    public IReadOnlyList<RiskRuleView> Rules { get; private set; } = [];

    /// <summary>The units the user may set rules for (those of the rules they may edit).</summary>
    public IReadOnlyList<(int Id, string Name)> Owners { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, RiskRuleInput input, CancellationToken ct)
    {
        var result = id is { } existing ? await edit.UpdateAsync(existing, input, ct) : await edit.CreateAsync(input, ct);
        return await AfterAsync(result.Error, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await AfterAsync((await edit.DeleteAsync(id, ct)).Error, ct);

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
        Response.StatusCode = Organizations.ErrorText.StatusOf(error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await list.HandleAsync(ct);
        var actor = PtdsClaims.ToActor(User);
        Owners = AccessPolicy.CanWriteAny(actor, Resource.RiskRules)
            ? Rules.Where(r => r.CanEdit).Select(r => (r.UnitId, r.UnitName)).Distinct().ToList()
            : [];
    }
}
