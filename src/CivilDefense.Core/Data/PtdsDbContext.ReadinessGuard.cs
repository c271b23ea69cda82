using CivilDefense.Core.Access;
using CivilDefense.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilDefense.Core.Data;

/// <summary>Write-guard rules of the readiness registry (issue 4), kept apart from the foundation's.</summary>
public sealed partial class PtdsDbContext
{
    /// <summary>
    /// A registry record belongs to its unit and owner organisation; a skill to its force; a count
    /// line to its count (counts have no owner, so a liaison cannot submit one); the equipment
    /// catalogue to the root unit, so only a nationally scoped administrator edits it.
    /// </summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)> DescribeReadinessAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case IUnitResource record:
                return (Resource.Readiness, await PathsAsync(entry, nameof(IUnitResource.UnitId), ct), record.OwnerOrganizationId);
            case ForceSkill:
                var force = await ForcePlaceAsync(KeyValue(entry, nameof(ForceSkill.ForceId)), ct);
                return (Resource.Readiness, [force.UnitPath], force.OrganizationId);
            case StockCount:
                return (Resource.Readiness, await PathsAsync(entry, nameof(StockCount.UnitId), ct), null);
            case StockCountLine:
                return (Resource.Readiness, [await StockCountUnitPathAsync(KeyValue(entry, nameof(StockCountLine.StockCountId)), ct)], null);
            default:
                var root = await Units.IgnoreQueryFilters().Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Path).FirstOrDefaultAsync(ct);
                return (Resource.ReadinessCatalogue, [root ?? ""], null);
        }
    }

    /// <summary>Where a registry record was, and whose it was, before its owner changed.</summary>
    private async Task<(string UnitPath, int? OrganizationId)> OriginalReadinessOwnerAsync(EntityEntry entry, CancellationToken ct) =>
        (await UnitPathAsync((int?)entry.Property(nameof(IUnitResource.UnitId)).OriginalValue, ct),
            (int?)entry.Property(nameof(IUnitResource.OwnerOrganizationId)).OriginalValue);

    private async Task<(string UnitPath, int? OrganizationId)> ForcePlaceAsync(int forceId, CancellationToken ct)
    {
        var local = Tracked<Force>(forceId);
        if (local is not null)
        {
            return (await UnitPathAsync(KeyValue(local, nameof(Force.UnitId)), ct), (int?)local.Property(nameof(Force.OwnerOrganizationId)).CurrentValue);
        }

        var stored = await Forces.IgnoreQueryFilters().Where(f => f.Id == forceId)
            .Select(f => new { f.Unit.Path, f.OwnerOrganizationId }).SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException("The force does not exist.");
        return (stored.Path, stored.OwnerOrganizationId);
    }

    private async Task<string> StockCountUnitPathAsync(int countId, CancellationToken ct)
    {
        var local = Tracked<StockCount>(countId);
        return local is not null
            ? await UnitPathAsync(KeyValue(local, nameof(StockCount.UnitId)), ct)
            : await StockCounts.IgnoreQueryFilters().Where(c => c.Id == countId).Select(c => c.Unit.Path).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The stock count does not exist.");
    }
}
