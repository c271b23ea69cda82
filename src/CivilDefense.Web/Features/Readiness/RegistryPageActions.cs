using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>One page of a registry as the registry page draws it: the kind's columns and each row's values.</summary>
public sealed record RegistryTable(IReadOnlyList<string> Columns, IReadOnlyList<RegistryTableRow> Rows, int Total, int PageNumber, int PageCount, string? Error);

public sealed record RegistryTableRow(int Id, int UnitId, string UnitName, IReadOnlyList<string?> Values);

/// <summary>Lists a page of the registry named in the route.</summary>
internal sealed class ListTableAction(PtdsDbContext db, ListRecords.Query query, PageQuery page, CancellationToken ct) : IRegistryAction<RegistryTable>
{
    public async Task<RegistryTable> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var result = await new ListRecords(db).HandleAsync(kind, query, page, ct);
        if (!result.IsSuccess)
        {
            return new RegistryTable(kind.Columns, [], 0, 1, 0, result.Error!.Message);
        }

        var items = result.Value!;
        return new RegistryTable(kind.Columns, [.. items.Items.Select(v => new RegistryTableRow(v.Id, v.UnitId, v.UnitName, kind.ToRow(v)))], items.Total, items.PageNumber, items.PageCount, null);
    }
}

/// <summary>Exports the registry named in the route, filtered as the page is.</summary>
internal sealed class ExportFileAction(PtdsDbContext db, ListRecords.Query query, RegistryFileFormat format, Stream output, CancellationToken ct) : IRegistryAction<Result<int>>
{
    public Task<Result<int>> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView =>
        new ExportRecords(db).HandleAsync(kind, query, format, output, ct);
}

/// <summary>Imports an uploaded file into the registry named in the route.</summary>
internal sealed class ImportFileAction(PtdsDbContext db, Stream input, RegistryFileFormat format, CancellationToken ct) : IRegistryAction<RegistryImportReport>
{
    public Task<RegistryImportReport> RunAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView =>
        new ImportRecords(db).HandleAsync(kind, input, format, dryRun: false, ct);
}
