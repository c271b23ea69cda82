using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Readiness;

/// <summary>What a provincial user sets on a norm; the component follows from the metric.</summary>
public sealed record NormInput(
    [property: Required] int UnitId,
    [property: Required] HazardProfile Profile,
    [property: Required, StringLength(64, MinimumLength = 1)] string MetricKey,
    [property: Range(0, 1_000_000)] double Target,
    [property: Range(0, 100)] double Weight,
    [property: Required, StringLength(32, MinimumLength = 1)] string MeasureUnit,
    [property: StringLength(1000)] string? Source,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int Version = 0);

/// <summary>The norms the actor can see: those set for its subtree and those set above it (which apply to it).</summary>
public sealed class ListNorms(PtdsDbContext db)
{
    public async Task<IReadOnlyList<NormView>> HandleAsync(HazardProfile? profile, CancellationToken ct)
    {
        var norms = db.ReadinessNorms.AsNoTracking();
        if (profile is { } p)
        {
            norms = norms.Where(n => n.Profile == p);
        }

        var rows = await norms.OrderBy(n => n.UnitPath).ThenBy(n => n.Profile).ThenBy(n => n.Component).ThenBy(n => n.MetricKey).ToListAsync(ct);
        var names = await NormRules.OwnerNamesAsync(db, rows, ct);
        return rows.Select(n => NormRules.View(n, names[n.UnitId], AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, n.UnitPath))).ToList();
    }
}

public sealed class GetNorm(PtdsDbContext db)
{
    public async Task<Result<NormView>> HandleAsync(int id, CancellationToken ct)
    {
        var norm = await db.ReadinessNorms.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        return norm is null
            ? new NotFoundError("No such norm.")
            : NormRules.View(norm, (await NormRules.OwnerNamesAsync(db, [norm], ct))[norm.UnitId], AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, norm.UnitPath));
    }
}

/// <summary>Adds a norm for a province (or the country): only provincial commanders and administrators may.</summary>
public sealed class CreateNorm(PtdsDbContext db)
{
    public async Task<Result<NormView>> HandleAsync(NormInput input, CancellationToken ct)
    {
        if (await NormRules.CheckAsync(db, input, ct) is { } error)
        {
            return error;
        }

        var norm = new ReadinessNorm { UnitId = input.UnitId, MetricKey = input.MetricKey, MeasureUnit = input.MeasureUnit };
        await NormRules.ApplyAsync(db, norm, input, ct);
        db.ReadinessNorms.Add(norm);
        await db.SaveChangesAsync(ct);
        return (await new GetNorm(db).HandleAsync(norm.Id, ct)).Value!;
    }
}

public sealed class UpdateNorm(PtdsDbContext db)
{
    public async Task<Result<NormView>> HandleAsync(int id, NormInput input, CancellationToken ct)
    {
        var norm = await db.ReadinessNorms.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (norm is null)
        {
            return new NotFoundError("No such norm.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, norm.UnitPath))
        {
            return new ForbiddenError("Norms are set by the province's commanders and administrators.");
        }

        if (await NormRules.CheckAsync(db, input, ct) is { } error)
        {
            return error;
        }

        if (input.Version != norm.Version)
        {
            return new ConflictError();
        }

        await NormRules.ApplyAsync(db, norm, input, ct);
        await db.SaveChangesAsync(ct);
        return (await new GetNorm(db).HandleAsync(norm.Id, ct)).Value!;
    }
}

public sealed class DeleteNorm(PtdsDbContext db)
{
    public async Task<Result<bool>> HandleAsync(int id, CancellationToken ct)
    {
        var norm = await db.ReadinessNorms.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (norm is null)
        {
            return new NotFoundError("No such norm.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, norm.UnitPath))
        {
            return new ForbiddenError("Norms are set by the province's commanders and administrators.");
        }

        db.ReadinessNorms.Remove(norm);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

internal static class NormRules
{
    public static NormView View(ReadinessNorm n, string unitName, bool canEdit) =>
        new(n.Id, n.UnitId, unitName, n.Profile, n.Component, n.MetricKey, n.Target, n.Weight, n.MeasureUnit, n.Source, n.ValidFrom, n.ValidTo, canEdit, n.Version);

    /// <summary>Valid input, a known metric, an owner at province level or above that the actor may write.</summary>
    public static async Task<Error?> CheckAsync(PtdsDbContext db, NormInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (ReadinessMetrics.Find(input.MetricKey) is null)
        {
            return ValidationError.ForField(nameof(NormInput.MetricKey), "Unknown metric; see the list of metrics.");
        }

        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
        {
            return ValidationError.ForField(nameof(NormInput.ValidTo), "The end of validity is before its start.");
        }

        var owner = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Path, u.Level }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            // A unit above the actor's scope is invisible as a unit: the actor cannot set norms there anyway.
            return AccessPolicy.CanWriteAny(db.Actor, Resource.ReadinessNorms)
                ? ValidationError.ForField(nameof(NormInput.UnitId), "No such administrative unit in your scope.")
                : new ForbiddenError("Norms are set by the province's commanders and administrators.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.ReadinessNorms, owner.Path))
        {
            return new ForbiddenError("Norms are set by the province's commanders and administrators.");
        }

        return owner.Level > 1
            ? ValidationError.ForField(nameof(NormInput.UnitId), "Norms are set by a province (or nationally), not by a commune.")
            : null;
    }

    /// <summary>Owner names for display: the owner may lie above the actor's scope, where a norm is still readable.</summary>
    public static async Task<Dictionary<int, string>> OwnerNamesAsync(PtdsDbContext db, IReadOnlyList<ReadinessNorm> norms, CancellationToken ct)
    {
        var ids = norms.Select(n => n.UnitId).Distinct().ToList();
        return await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static async Task ApplyAsync(PtdsDbContext db, ReadinessNorm norm, NormInput input, CancellationToken ct)
    {
        norm.UnitId = input.UnitId;
        norm.UnitPath = await db.Units.Where(u => u.Id == input.UnitId).Select(u => u.Path).SingleAsync(ct);
        norm.Profile = input.Profile;
        norm.MetricKey = input.MetricKey;
        norm.Component = ReadinessMetrics.Find(input.MetricKey)!.Component;
        norm.Target = input.Target;
        norm.Weight = input.Weight;
        norm.MeasureUnit = input.MeasureUnit.Trim();
        norm.Source = string.IsNullOrWhiteSpace(input.Source) ? null : input.Source.Trim();
        norm.ValidFrom = input.ValidFrom;
        norm.ValidTo = input.ValidTo;
    }
}
