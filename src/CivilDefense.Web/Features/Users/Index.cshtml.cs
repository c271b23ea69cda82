using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Users;

/// <summary>The users of the administrator's subtree, filtered, with a CSV export of the same rows.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(ListUsers list, PtdsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UserSummary> Users { get; private set; } = new([], 0, 1, 50);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await list.HandleAsync(Query(), new PageQuery(PageNumber, 50), ct);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        Users = result.Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await ListUsers.Project(await ListUsers.FilterAsync(db, Query(), ct))
            .Select(u => new { u.UserName, u.DisplayName, u.Email, u.Role, u.UnitName, u.OrganizationName, u.IsActive, u.LastLoginAt })
            .ToListAsync(ct);
        return CsvExport.File(rows.Select(u => new { u.UserName, u.DisplayName, u.Email, Role = u.Role.ToString(), Unit = u.UnitName, Organization = u.OrganizationName, u.IsActive, u.LastLoginAt }), "users.csv");
    }

    private ListUsers.Query Query() => new(Role, UnitId, Active, Search);
}
