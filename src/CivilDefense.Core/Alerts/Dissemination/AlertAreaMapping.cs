using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Targeting;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>The CAP &lt;area&gt;s of a message as targeting reads them (pure).</summary>
public static class AlertAreaMapping
{
    /// <summary>
    /// Every polygon, circle and VN_MA_DVHC geocode of every info block (PTDS writes the same areas
    /// in each language; a relayed alert may not, and a subscriber in any of them is a recipient).
    /// Geocodes of other schemes name nothing PTDS can locate and are left out.
    /// </summary>
    public static AlertArea Of(CapAlert alert)
    {
        var areas = alert.Infos.SelectMany(i => i.Areas).ToList();
        return AlertArea.Of(
            areas.SelectMany(a => a.Polygons).Select(p => new AreaPolygon([.. p.Points.Select(x => new GeoPoint(Lat: x.Latitude, Lon: x.Longitude))])),
            areas.SelectMany(a => a.Circles).Select(c => new AreaCircle(new GeoPoint(Lat: c.Center.Latitude, Lon: c.Center.Longitude), c.RadiusKm)),
            areas.SelectMany(a => a.Geocodes).Where(g => g.ValueName == PtdsCapProfile.UnitCodeValueName).Select(g => g.Value.Trim()).Distinct());
    }
}
