using CivilDefense.Core.Common;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>The routes every registry kind has, mapped once for all kinds.</summary>
public static class RegistryEndpoints
{
    /// <summary>Largest import file accepted (a province's registry in XLSX is a few MB).</summary>
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static void MapRegistry<TEntity, TInput, TView>(this RouteGroupBuilder readiness, RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var routes = new Routes<TEntity, TInput, TView>(kind);
        var group = readiness.MapGroup("/" + kind.Name);

        // Handlers are passed as plain Delegates: the ASP.NET route analyzer crashes (AD0001) on
        // method groups of a generic type, and the runtime binds a Delegate just the same.
        Delegate list = routes.List, get = routes.Get, create = routes.Create, update = routes.Update, delete = routes.Delete, export = routes.Export, import = routes.Import;
        group.MapGet("/", list);
        group.MapGet("/{id:int}", get);
        group.MapPost("/", create).RequireAuthorization(Policies.Editor);
        group.MapPut("/{id:int}", update).RequireAuthorization(Policies.Editor);
        group.MapDelete("/{id:int}", delete).RequireAuthorization(Policies.Editor);
        group.MapGet("/export", export);
        group.MapPost("/import", import).RequireAuthorization(Policies.Editor).DisableAntiforgery();
    }

    /// <summary>Imports an uploaded file; a file with errors is a 422 listing each row and field, and nothing is written.</summary>
    public static async Task<IResult> ImportAsync<TEntity, TInput, TView>(ImportRecords handler, RegistryKind<TEntity, TInput, TView> kind, IFormFile file, bool dryRun, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        if (RegistryFile.FormatOf(file.FileName) is not { } format || file.Length > MaxImportBytes)
        {
            return TypedResults.Problem("Upload a .csv or .xlsx file of at most 20 MB.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
        }

        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        stream.Position = 0;
        var report = await handler.HandleAsync(kind, stream, format, dryRun, ct);
        return report.IsSuccess
            ? TypedResults.Ok(new ImportSummary(report.Created, report.Updated, report.DryRun))
            : TypedResults.Problem(
                "The file has errors; nothing was imported.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Invalid file",
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors.Select(e => new ImportProblem(e.Line, e.Field, e.Message)).ToList() });
    }

    public sealed record ImportSummary(int Created, int Updated, bool DryRun);

    public sealed record ImportProblem(int Row, string Field, string Message);

    private sealed class Routes<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        public async Task<IResult> List(ListRecords handler, int? unitId, string? category, int? ownerOrganizationId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            (await handler.HandleAsync(kind, new ListRecords.Query(unitId, category, ownerOrganizationId, search), new PageQuery(page ?? 1, pageSize ?? 50), ct)).ToHttp();

        public async Task<IResult> Get(GetRecord handler, int id, CancellationToken ct) => (await handler.HandleAsync(kind, id, ct)).ToHttp();

        public async Task<IResult> Create(CreateRecord handler, TInput input, CancellationToken ct)
        {
            var result = await handler.HandleAsync(kind, input, ct);
            return result.IsSuccess ? TypedResults.Created($"/api/v1/readiness/{kind.Name}/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
        }

        public async Task<IResult> Update(UpdateRecord handler, int id, TInput input, CancellationToken ct) => (await handler.HandleAsync(kind, id, input, ct)).ToHttp();

        public async Task<IResult> Delete(DeleteRecord handler, int id, CancellationToken ct)
        {
            var result = await handler.HandleAsync(kind, id, ct);
            return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
        }

        public async Task<IResult> Export(ExportRecords handler, string? format, int? unitId, string? category, string? search, CancellationToken ct)
        {
            var fileFormat = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? RegistryFileFormat.Xlsx : RegistryFileFormat.Csv;
            using var buffer = new MemoryStream();
            var result = await handler.HandleAsync(kind, new ListRecords.Query(unitId, category, null, search), fileFormat, buffer, ct);
            return result.IsSuccess
                ? TypedResults.File(buffer.ToArray(), RegistryFile.ContentType(fileFormat), $"{kind.Name}.{fileFormat.ToString().ToLowerInvariant()}")
                : result.Error!.ToProblem();
        }

        public Task<IResult> Import(ImportRecords handler, IFormFile file, bool? dryRun, CancellationToken ct) => ImportAsync(handler, kind, file, dryRun ?? false, ct);
    }
}
