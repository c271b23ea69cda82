using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// Who may post observations for a station. A token bound to stations (a station's own token) may
/// post for those stations only; any other caller needs the right to write monitoring records in
/// the station's unit. Stations outside the caller's scope are simply unknown to it.
/// </summary>
public static class IngestAccess
{
    /// <summary>The stations of these codes the actor can see, by code, with their units.</summary>
    public static async Task<Dictionary<string, Station>> StationsAsync(PtdsDbContext db, IReadOnlyList<string> codes, CancellationToken ct) =>
        await db.Stations.AsNoTracking().Include(s => s.Unit)
            .Where(s => codes.Contains(s.Code))
            .ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);

    /// <summary>The ids of the stations a token is bound to (empty for users and unbound tokens).</summary>
    public static async Task<HashSet<int>> BoundStationsAsync(PtdsDbContext db, Actor actor, CancellationToken ct) =>
        actor.TokenId is { } tokenId
            ? (await db.Stations.IgnoreQueryFilters().Where(s => s.IngestTokenId == tokenId).Select(s => s.Id).ToListAsync(ct)).ToHashSet()
            : [];

    /// <summary>The first reason the actor may not post for one of these stations, or null.</summary>
    public static Error? Deny(Actor actor, IEnumerable<Station> stations, HashSet<int> boundToToken)
    {
        foreach (var station in stations)
        {
            if (boundToToken.Count > 0 && !boundToToken.Contains(station.Id))
            {
                return new ForbiddenError($"This station token may not post observations for station {station.Code}.");
            }

            if (boundToToken.Count == 0 && !AccessPolicy.CanWrite(actor, Resource.Monitoring, station.Unit.Path))
            {
                return new ForbiddenError($"You may not record observations for station {station.Code}.");
            }
        }

        return null;
    }
}
