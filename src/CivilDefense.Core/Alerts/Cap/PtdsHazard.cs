namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// The kinds of natural disaster (loại thiên tai) of the Law on Natural Disaster Prevention and
/// Control (Luật Phòng, chống thiên tai, Art. 3) that PTDS warns of. The member name is the value
/// of the event code VN_LOAI_THIEN_TAI (docs/cap.md), so it must never be renamed.
/// </summary>
public enum PtdsHazard
{
    /// <summary>Bão.</summary>
    Storm,
    /// <summary>Áp thấp nhiệt đới.</summary>
    TropicalDepression,
    /// <summary>Lốc.</summary>
    Whirlwind,
    /// <summary>Sét.</summary>
    Lightning,
    /// <summary>Mưa đá.</summary>
    Hail,
    /// <summary>Mưa lớn.</summary>
    HeavyRain,
    /// <summary>Lũ.</summary>
    Flood,
    /// <summary>Lũ quét.</summary>
    FlashFlood,
    /// <summary>Ngập lụt.</summary>
    Inundation,
    /// <summary>Sạt lở đất.</summary>
    Landslide,
    /// <summary>Sụt lún đất do mưa lũ hoặc dòng chảy.</summary>
    Subsidence,
    /// <summary>Nước dâng.</summary>
    StormSurge,
    /// <summary>Xâm nhập mặn.</summary>
    SalineIntrusion,
    /// <summary>Nắng nóng.</summary>
    HeatWave,
    /// <summary>Hạn hán.</summary>
    Drought,
    /// <summary>Rét hại.</summary>
    DamagingCold,
    /// <summary>Sương muối.</summary>
    Frost,
    /// <summary>Động đất.</summary>
    Earthquake,
    /// <summary>Sóng thần.</summary>
    Tsunami,
    /// <summary>Cháy rừng do tự nhiên.</summary>
    Wildfire,
}

/// <summary>How each hazard maps to CAP's categories, and a risk level to CAP's severity.</summary>
public static class PtdsHazards
{
    public static IReadOnlyList<CapCategory> Categories(PtdsHazard hazard) => hazard switch
    {
        PtdsHazard.Landslide or PtdsHazard.Subsidence or PtdsHazard.Earthquake or PtdsHazard.Tsunami => [CapCategory.Geo],
        PtdsHazard.SalineIntrusion => [CapCategory.Env],
        PtdsHazard.Wildfire => [CapCategory.Fire],
        _ => [CapCategory.Met],
    };

    /// <summary>
    /// Cấp độ rủi ro thiên tai 1-5 (Decision 18/2021/QĐ-TTg) → CAP severity: 1 Minor, 2 Moderate,
    /// 3 Severe, 4 and 5 Extreme. A PTDS choice, written in docs/cap.md so receivers can rely on it.
    /// </summary>
    public static CapSeverity Severity(int riskLevel) => riskLevel switch
    {
        1 => CapSeverity.Minor,
        2 => CapSeverity.Moderate,
        3 => CapSeverity.Severe,
        4 or 5 => CapSeverity.Extreme,
        _ => throw new ArgumentOutOfRangeException(nameof(riskLevel), riskLevel, "The risk level of a natural disaster is 1 to 5."),
    };
}
