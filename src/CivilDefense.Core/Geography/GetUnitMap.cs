using System.Globalization;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>
/// The map of a unit: its current children with simplified boundaries as one GeoJSON
/// FeatureCollection, with population and density for the choropleth. Geometry is stored as
/// GeoJSON text, so the collection is written by concatenation rather than parsed and re-serialised.
/// </summary>
public sealed class GetUnitMap(PtdsDbContext db)
{
    public async Task<Result<string>> HandleAsync(int id, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == id, ct))
        {
            return new NotFoundError("No such administrative unit.");
        }

        var day = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == id && (u.ValidTo == null || u.ValidTo >= day))
            .OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Code, u.Name, u.FullName, u.Kind, u.Population, u.AreaKm2, Geometry = u.BoundarySimplified ?? u.Boundary })
            .ToListAsync(ct);
        var geoJson = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var c in children.Where(c => c.Geometry is not null))
        {
            var density = c.Population is { } p && c.AreaKm2 is > 0 ? Math.Round(p / c.AreaKm2.Value, 1) : (double?)null;
            var properties = JsonSerializer.Serialize(new { id = c.Id, code = c.Code, name = c.Name, fullName = c.FullName, kind = c.Kind.ToString(), population = c.Population, areaKm2 = c.AreaKm2, density });
            geoJson.Append(first ? "" : ",")
                .Append("{\"type\":\"Feature\",\"id\":").Append(c.Id.ToString(CultureInfo.InvariantCulture))
                .Append(",\"properties\":").Append(properties)
                .Append(",\"geometry\":").Append(c.Geometry)
                .Append('}');
            first = false;
        }

        return geoJson.Append("]}").ToString();
    }
}
