using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>Writes the filtered registry records in scope to a CSV or XLSX file that the import reads back.</summary>
public sealed class ExportRecords(PtdsDbContext db)
{
    /// <summary>Files are for a province's registry; a national export goes through the database tools.</summary>
    public const int MaxRows = 200_000;

    public static IReadOnlyList<string> Header<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView =>
        ["id", "unit_code", "owner_organization_id", .. kind.Columns];

    public async Task<Result<int>> HandleAsync<TEntity, TInput, TView>(
        RegistryKind<TEntity, TInput, TView> kind, ListRecords.Query query, RegistryFileFormat format, Stream output, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var (records, error) = await new ListRecords(db).FilterAsync(kind, query, ct);
        if (error is not null)
        {
            return error;
        }

        var views = await records!.OrderBy(e => e.UnitId).ThenBy(e => e.Id).Select(kind.Projection).Take(MaxRows).ToListAsync(ct);
        RegistryFile.Write(output, format, Header(kind), views.Select(v => (IReadOnlyList<string?>)
            [RegistryFormat.Of(v.Id), v.UnitCode, RegistryFormat.Of(v.OwnerOrganizationId), .. kind.ToRow(v)]));
        return views.Count;
    }
}
