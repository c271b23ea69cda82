using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>
/// Removes a registry record (written off, dissolved, demolished): the audit trail keeps what it
/// was, and stock-count history keeps its name. A logistics point still storing supplies cannot go.
/// </summary>
public sealed class DeleteRecord(PtdsDbContext db)
{
    public async Task<Result<bool>> HandleAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, int id, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var entity = await kind.Set(db).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return new NotFoundError("No such record.");
        }

        if (entity is LogisticsPoint && await db.SupplyStocks.IgnoreQueryFilters().AnyAsync(s => s.StoragePointId == id, ct))
        {
            return new ValidationError("Supplies are stored at this point; move them first.");
        }

        db.Remove(entity);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
