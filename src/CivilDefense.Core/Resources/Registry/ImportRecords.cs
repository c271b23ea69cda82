using System.Text.RegularExpressions;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography.Import;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>What an import did, or every problem that stopped it (then nothing was written).</summary>
public sealed record RegistryImportReport(int Created, int Updated, IReadOnlyList<ImportError> Errors, bool DryRun)
{
    public bool IsSuccess => Errors.Count == 0;
}

/// <summary>
/// Imports a registry file all or nothing: every row is parsed and checked (unit codes in scope,
/// type codes, numbers, dates, coordinates, the actor's right to write the row), and only a file
/// without a single error is applied, in one save. A row with an id updates that record; one
/// without creates a new record, so an exported file imports back unchanged.
/// </summary>
public sealed partial class ImportRecords(PtdsDbContext db)
{
    public async Task<RegistryImportReport> HandleAsync<TEntity, TInput, TView>(
        RegistryKind<TEntity, TInput, TView> kind, Stream file, RegistryFileFormat format, bool dryRun, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var errors = new List<ImportError>();
        var table = RegistryFile.Read(file, format, ["unit_code"], errors);
        if (table is null)
        {
            return new RegistryImportReport(0, 0, errors, dryRun);
        }

        var lookups = await LookupsAsync(table, ct);
        var rows = new List<(int Line, int? Id, TInput Input)>();
        foreach (var (line, fields) in table.Rows)
        {
            var row = new RegistryRow(line, fields, lookups.Codes, errors);
            var before = errors.Count;
            var id = RegistryKind<TEntity, TInput, TView>.IdOf(row);
            var input = kind.FromRow(row);

            // Field rules that need no data are reported even on a row with unreadable values, so one pass finds them all.
            Report(row, InputValidation.Check(input));
            if (input is ILocatedInput located && RegistryChecks.CoordinateProblem(located.Latitude, located.Longitude) is { } problem)
            {
                row.Fail(located.Latitude is null || located.Latitude is >= RegistryChecks.MinLatitude and <= RegistryChecks.MaxLatitude ? "longitude" : "latitude", problem);
            }

            if (errors.Count == before)
            {
                await CheckRowAsync(kind, row, input, lookups.Paths, ct);
            }

            rows.Add((line, id, input));
        }

        var ids = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
        var existing = await kind.Set(db).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        foreach (var (line, id, _) in rows.Where(r => r.Id is { } id && !existing.ContainsKey(id)))
        {
            errors.Add(new ImportError(line, "id", $"no {kind.Name} record {id} in your scope", "row"));
        }

        if (errors.Count > 0 || dryRun)
        {
            return new RegistryImportReport(errors.Count > 0 ? 0 : rows.Count(r => r.Id is null), errors.Count > 0 ? 0 : ids.Count, [.. errors.OrderBy(e => e.Line)], dryRun);
        }

        foreach (var (_, id, input) in rows)
        {
            var entity = id is { } known ? existing[known] : kind.New();
            kind.Apply(input, entity);
            if (id is null)
            {
                db.Add(entity);
            }
        }

        await db.SaveChangesAsync(ct);
        return new RegistryImportReport(rows.Count(r => r.Id is null), ids.Count, [], dryRun);
    }

    /// <summary>The row's own rules and the actor's right to write it, reported on the row instead of refusing the whole save.</summary>
    private async Task CheckRowAsync<TEntity, TInput, TView>(
        RegistryKind<TEntity, TInput, TView> kind, RegistryRow row, TInput input, IReadOnlyDictionary<int, string> paths, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        if ((await RegistryChecks.CheckAsync(db, input, ct) ?? await kind.CheckAsync(db, input, ct)) is { } error)
        {
            Report(row, error);
            return;
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Readiness, paths[input.UnitId], input.OwnerOrganizationId))
        {
            row.Fail(input.OwnerOrganizationId is null ? "unit_code" : "owner_organization_id", "you may not write this unit's or organisation's records");
        }
    }

    private static void Report(RegistryRow row, Error? error)
    {
        if (error is null)
        {
            return;
        }

        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]> { ["unit_code"] = [error.Message] })
        {
            row.Fail(Column(field), string.Join(" ", messages));
        }
    }

    private async Task<(RegistryLookups Codes, IReadOnlyDictionary<int, string> Paths)> LookupsAsync(RegistryTable table, CancellationToken ct)
    {
        var unitCodes = Values(table, "unit_code");
        var units = await db.Units.Where(u => unitCodes.Contains(u.Code) && u.ValidTo == null)
            .Select(u => new { u.Id, u.Code, u.Path }).ToListAsync(ct);
        var typeCodes = Values(table, "type_code");
        var types = await db.EquipmentTypes.Where(t => typeCodes.Contains(t.Code)).Select(t => new { t.Id, t.Code }).ToListAsync(ct);
        return (new RegistryLookups(
                units.GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First().Id),
                types.ToDictionary(t => t.Code, t => t.Id)),
            units.ToDictionary(u => u.Id, u => u.Path));
    }

    private static List<string> Values(RegistryTable table, string column) =>
        [.. table.Rows.Select(r => r.Fields.GetValueOrDefault(column)).OfType<string>().Distinct()];

    /// <summary>An input property as the file's column: OwnerOrganizationId → owner_organization_id.</summary>
    private static string Column(string property) =>
        property switch
        {
            "" => "row",
            "EquipmentTypeId" => "type_code",
            "UnitId" => "unit_code",
            _ => Snake().Replace(property, "$1_$2").ToLowerInvariant(),
        };

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Snake();
}
