using CivilDefense.Core.Common;
using CivilDefense.Core.Data;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>Adds a registry record to a unit in scope; the write guard decides whether the actor may (a liaison: own organisation only).</summary>
public sealed class CreateRecord(PtdsDbContext db)
{
    public async Task<Result<TView>> HandleAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, TInput input, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        if ((await RegistryChecks.CheckAsync(db, input, ct) ?? await kind.CheckAsync(db, input, ct)) is { } error)
        {
            return error;
        }

        var entity = kind.New();
        kind.Apply(input, entity);
        db.Add(entity);
        await db.SaveChangesAsync(ct);
        return (await new GetRecord(db).HandleAsync(kind, entity.Id, ct)).Value!;
    }
}
