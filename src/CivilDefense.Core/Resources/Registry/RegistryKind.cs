using System.Linq.Expressions;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>What every registry input carries: the unit it belongs to and the owner organisation, if any.</summary>
public interface IRegistryInput
{
    int UnitId { get; }

    int? OwnerOrganizationId { get; }

    /// <summary>The version the client read (updates only; ignored on create).</summary>
    int Version { get; }
}

/// <summary>An input with an optional location, checked against Viet Nam's bounding box.</summary>
public interface ILocatedInput
{
    double? Latitude { get; }

    double? Longitude { get; }
}

/// <summary>What every registry row shows, so lists, files and pages treat all kinds alike.</summary>
public interface IRegistryView
{
    int Id { get; }

    int UnitId { get; }

    string UnitCode { get; }

    string UnitName { get; }

    int? OwnerOrganizationId { get; }

    int Version { get; }
}

/// <summary>
/// One kind of registry record (forces, equipment, supplies, logistics points, shelters): how it
/// is read, written, filtered and laid out in a file. The shared handlers (create, update, delete,
/// list, get, import, export) do the rest, so each kind states only what differs.
/// </summary>
public abstract class RegistryKind<TEntity, TInput, TView>
    where TEntity : class, IUnitResource, IVersioned
    where TInput : class, IRegistryInput
    where TView : IRegistryView
{
    /// <summary>The name in routes, files and the CLI: "forces", "equipment"…</summary>
    public abstract string Name { get; }

    /// <summary>Columns of this kind in files, after the common id, unit_code and owner_organization_id.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>The records as handlers load them for a change (with any child rows the change touches).</summary>
    public abstract IQueryable<TEntity> Set(PtdsDbContext db);

    public abstract Expression<Func<TEntity, TView>> Projection { get; }

    public abstract TEntity New();

    /// <summary>Copies the input onto the record (the unit and owner included).</summary>
    public abstract void Apply(TInput input, TEntity entity);

    /// <summary>Rows whose name or other text contains the (lower-case) term.</summary>
    public abstract Expression<Func<TEntity, bool>> Search(string term);

    /// <summary>The filter for a category or kind value given as text; null when the value is not one.</summary>
    public abstract Expression<Func<TEntity, bool>>? Category(string value);

    /// <summary>Rules that need data: referenced records exist in scope, counts agree.</summary>
    public virtual Task<Error?> CheckAsync(PtdsDbContext db, TInput input, CancellationToken ct) => Task.FromResult<Error?>(null);

    /// <summary>The values of <see cref="Columns"/> for one row, formatted invariantly.</summary>
    public abstract IReadOnlyList<string?> ToRow(TView view);

    /// <summary>Reads one file row into an input; problems go to the row's error list.</summary>
    public abstract TInput FromRow(RegistryRow row);

    /// <summary>The record's id in an input read from a file (null: a new record).</summary>
    public static int? IdOf(RegistryRow row) => row.Integer("id");
}
