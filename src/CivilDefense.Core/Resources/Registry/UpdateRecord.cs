using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>
/// Edits a registry record; 409 when the client's version is stale. Moving a record to another
/// unit or owner needs the right to write both where it was and where it goes (the write guard).
/// </summary>
public sealed class UpdateRecord(PtdsDbContext db)
{
    public async Task<Result<TView>> HandleAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, int id, TInput input, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        if ((await RegistryChecks.CheckAsync(db, input, ct) ?? await kind.CheckAsync(db, input, ct)) is { } error)
        {
            return error;
        }

        var entity = await kind.Set(db).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return new NotFoundError("No such record.");
        }

        if (entity.Version != input.Version)
        {
            return new ConflictError();
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(entity).Property(e => e.Version).OriginalValue = input.Version;
        kind.Apply(input, entity);
        await db.SaveChangesAsync(ct);
        return (await new GetRecord(db).HandleAsync(kind, id, ct)).Value!;
    }
}
