using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>A risk rule as a provincial user sets it (see <see cref="RiskRule"/> for what each field means per hazard).</summary>
public sealed record RiskRuleInput(
    [property: Required] int UnitId,
    [property: Required] Hazard Hazard,
    [property: Range(1, 5)] int Level,
    [property: Range(1, 10)] int? ZoneFrom,
    [property: Range(1, 10)] int? ZoneTo,
    AlarmLevel? LowerAlarm,
    [property: Range(-5, 5)] double LowerOffset,
    AlarmLevel? UpperAlarm,
    [property: Range(-5, 5)] double UpperOffset,
    [property: Range(1, 240)] int? WindowHours,
    [property: Range(0, 5000)] double? MinValue,
    [property: Range(0, 5000)] double? MaxValue,
    bool RequiresSeriousDamage,
    [property: Range(1, 5)] int MaxLevel,
    bool AutoIssue,
    [property: Required, StringLength(500, MinimumLength = 3)] string LegalSource,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    int Version = 0);

/// <summary>The rules the actor can see: set for its subtree or above it (which apply to it).</summary>
public sealed class ListRiskRules(PtdsDbContext db)
{
    public async Task<IReadOnlyList<RiskRuleView>> HandleAsync(CancellationToken ct)
    {
        var rules = await db.RiskRules.AsNoTracking().OrderBy(r => r.UnitPath).ThenBy(r => r.Hazard).ThenBy(r => r.Level).ToListAsync(ct);
        var names = await RiskRuleChecks.OwnerNamesAsync(db, rules, ct);
        return rules.Select(r => RiskRuleChecks.View(r, names[r.UnitId], AccessPolicy.CanWrite(db.Actor, Resource.RiskRules, r.UnitPath))).ToList();
    }
}

/// <summary>Adds, changes or deletes a rule: provincial commanders and administrators only.</summary>
public sealed class EditRiskRule(PtdsDbContext db)
{
    private const string Denied = "Risk rules are set by the province's commanders and administrators.";

    public async Task<Result<RiskRuleView>> CreateAsync(RiskRuleInput input, CancellationToken ct)
    {
        if (await CheckAsync(input, ct) is { } error)
        {
            return error;
        }

        var rule = new RiskRule { LegalSource = input.LegalSource };
        Apply(rule, input);
        db.RiskRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(rule, ct);
    }

    public async Task<Result<RiskRuleView>> UpdateAsync(int id, RiskRuleInput input, CancellationToken ct)
    {
        var rule = await db.RiskRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return new NotFoundError("No such risk rule.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.RiskRules, rule.UnitPath))
        {
            return new ForbiddenError(Denied);
        }

        if (await CheckAsync(input, ct) is { } error)
        {
            return error;
        }

        if (input.Version != rule.Version)
        {
            return new ConflictError();
        }

        Apply(rule, input);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(rule, ct);
    }

    public async Task<Result<bool>> DeleteAsync(int id, CancellationToken ct)
    {
        var rule = await db.RiskRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return new NotFoundError("No such risk rule.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.RiskRules, rule.UnitPath))
        {
            return new ForbiddenError(Denied);
        }

        db.RiskRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<RiskRuleView> ViewAsync(RiskRule rule, CancellationToken ct) =>
        RiskRuleChecks.View(rule, (await RiskRuleChecks.OwnerNamesAsync(db, [rule], ct))[rule.UnitId], true);

    private async Task<Error?> CheckAsync(RiskRuleInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!AccessPolicy.CanWriteAny(db.Actor, Resource.RiskRules))
        {
            return new ForbiddenError(Denied);
        }

        var owner = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Path, u.Level }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return ValidationError.ForField(nameof(RiskRuleInput.UnitId), "No such administrative unit in your scope.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.RiskRules, owner.Path))
        {
            return new ForbiddenError(Denied);
        }

        if (owner.Level > 1)
        {
            return ValidationError.ForField(nameof(RiskRuleInput.UnitId), "Risk rules are set by a province (or nationally), not by a commune.");
        }

        return input switch
        {
            { ValidFrom: { } from, ValidTo: { } to } when to < from => ValidationError.ForField(nameof(RiskRuleInput.ValidTo), "The end of validity is before its start."),
            { ZoneFrom: { } zf, ZoneTo: { } zt } when zt < zf => ValidationError.ForField(nameof(RiskRuleInput.ZoneTo), "The zone range ends before it starts."),
            { Hazard: Hazard.Flood, LowerAlarm: null, UpperAlarm: null } => ValidationError.ForField(nameof(RiskRuleInput.LowerAlarm), "A flood rule names at least one alarm level."),
            { Hazard: Hazard.HeavyRain } when input.WindowHours is null || input.MinValue is null => ValidationError.ForField(nameof(RiskRuleInput.WindowHours), "A heavy-rain rule needs a window in hours and a minimum in mm."),
            { MinValue: { } min, MaxValue: { } max } when max <= min => ValidationError.ForField(nameof(RiskRuleInput.MaxValue), "The maximum must be above the minimum."),
            { Hazard: Hazard.Concurrent, Level: > 2 } => ValidationError.ForField(nameof(RiskRuleInput.Level), "Concurrent hazards raise the level by one or two."),
            _ => null,
        };
    }

    private static void Apply(RiskRule rule, RiskRuleInput input)
    {
        rule.UnitId = input.UnitId;
        rule.Hazard = input.Hazard;
        rule.Level = input.Level;
        rule.ZoneFrom = input.ZoneFrom;
        rule.ZoneTo = input.ZoneTo;
        rule.LowerAlarm = input.LowerAlarm;
        rule.LowerOffset = input.LowerOffset;
        rule.UpperAlarm = input.UpperAlarm;
        rule.UpperOffset = input.UpperOffset;
        rule.WindowHours = input.WindowHours;
        rule.MinValue = input.MinValue;
        rule.MaxValue = input.MaxValue;
        rule.RequiresSeriousDamage = input.RequiresSeriousDamage;
        rule.MaxLevel = input.MaxLevel;
        rule.AutoIssue = input.AutoIssue;
        rule.LegalSource = input.LegalSource.Trim();
        rule.ValidFrom = input.ValidFrom;
        rule.ValidTo = input.ValidTo;
    }
}

internal static class RiskRuleChecks
{
    public static RiskRuleView View(RiskRule r, string unitName, bool canEdit) =>
        new(r.Id, r.UnitId, unitName, r.Hazard, r.Level, r.ZoneFrom, r.ZoneTo, r.LowerAlarm, r.LowerOffset, r.UpperAlarm, r.UpperOffset,
            r.WindowHours, r.MinValue, r.MaxValue, r.RequiresSeriousDamage, r.MaxLevel, r.AutoIssue, r.LegalSource, r.ValidFrom, r.ValidTo, canEdit, r.Version);

    /// <summary>Owner names: the owner may lie above the actor's scope, where a rule is still readable.</summary>
    public static async Task<Dictionary<int, string>> OwnerNamesAsync(PtdsDbContext db, IReadOnlyList<RiskRule> rules, CancellationToken ct)
    {
        var ids = rules.Select(r => r.UnitId).Distinct().ToList();
        return await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }
}
