using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Tokens;

/// <summary>API tokens of the administrator's subtree: prefix, state, last use; never the secret.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ListTokens list, RevokeToken revoke, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool ActiveOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<TokenSummary> Tokens { get; private set; } = new([], 0, 1, 50);

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Message = text.Format("Token {0} is revoked.", result.Value!.Name);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Tokens = (await list.HandleAsync(!ActiveOnly, new PageQuery(PageNumber, 50), ct)).Value ?? Tokens;
}
