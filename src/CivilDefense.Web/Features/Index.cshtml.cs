using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features;

/// <summary>Home: what the user's scope holds, at a glance.</summary>
public sealed class IndexModel(PtdsDbContext db) : PageModel
{
    public string ScopeName { get; private set; } = "";

    public int Units { get; private set; }

    public int Organizations { get; private set; }

    public int Boards { get; private set; }

    public long Population { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = PtdsClaims.ToActor(User);
        var day = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        ScopeName = await db.Units.Where(u => u.Id == actor.UnitId).Select(u => u.FullName).SingleOrDefaultAsync(ct) ?? "";
        var current = db.Units.Where(u => u.ValidTo == null || u.ValidTo >= day);
        Units = await current.CountAsync(ct);
        Organizations = await db.Organizations.CountAsync(ct);
        Boards = await db.CommandBoards.CountAsync(ct);
        // Only the lowest level is summed, so a province and its communes are not counted twice.
        Population = await current.Where(u => u.Level == 3).SumAsync(u => (long?)u.Population, ct) ?? 0;
    }
}
