using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Audit;

/// <summary>The audit trail of the actor's subtree, newest first, with a streamed CSV of the filtered rows.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class IndexModel(ListAudit list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<AuditRow> Entries { get; private set; } = new([], 0, 1, 50);

    public static IReadOnlyList<string> EntityTypes { get; } =
        ["AdministrativeUnit", "UnitSuccession", "Organization", "OrganizationContact", "CommandBoard", "BoardMember", "DutyShift", "User", "ApiToken"];

    public static IReadOnlyList<string> Actions { get; } = ["Create", "Update", "Delete"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Query(), new PageQuery(PageNumber, 50), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Entries = result.Value!;
        return Page();
    }

    /// <summary>Writes the CSV straight to the response; the empty result stops the page from rendering after it.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await AuditExport.WriteAsync(HttpContext, list, Query(), ct);
        return new EmptyResult();
    }

    private ListAudit.Query Query() => new(From, To, Actor, EntityType, Action, EntityId);
}
