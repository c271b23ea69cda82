using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>One registry record. Out of scope reads as not found.</summary>
public sealed class GetRecord(PtdsDbContext db)
{
    public async Task<Result<TView>> HandleAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, int id, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var found = await db.Set<TEntity>().AsNoTracking().Where(e => e.Id == id).Select(kind.Projection).ToListAsync(ct);
        return found.Count == 1 ? found[0] : new NotFoundError("No such record.");
    }
}
