using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>The old-to-new mapping of the 2025 reform, as rows a table or CSV can show.</summary>
public sealed class ListSuccessions(PtdsDbContext db)
{
    public sealed record Row(int Id, int PredecessorId, string PredecessorCode, string PredecessorName, int SuccessorId, string SuccessorCode, string SuccessorName, bool IsPartial, DateOnly EffectiveOn, string? Note);

    public async Task<Page<Row>> HandleAsync(string? search, PageQuery page, CancellationToken ct)
    {
        // Both ends must be visible to the actor; the join through Units applies the scope filter.
        var rows = from s in db.UnitSuccessions.AsNoTracking()
                   join p in db.Units on s.PredecessorId equals p.Id
                   join n in db.Units on s.SuccessorId equals n.Id
                   select new Row(s.Id, p.Id, p.Code, p.FullName, n.Id, n.Code, n.FullName, s.IsPartial, s.EffectiveOn, s.Note);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLower();
            rows = rows.Where(r => r.PredecessorCode == term || r.SuccessorCode == term || r.PredecessorName.ToLower().Contains(term) || r.SuccessorName.ToLower().Contains(term));
        }

        return await rows.OrderBy(r => r.SuccessorCode).ThenBy(r => r.PredecessorCode).ToPageAsync(page, ct);
    }
}
