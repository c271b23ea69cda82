using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>The hazards' names as the Law on Natural Disaster Prevention and Control writes them, and in English.</summary>
public static class HazardNames
{
    public static string Vietnamese(PtdsHazard hazard) => hazard switch
    {
        PtdsHazard.Storm => "Bão",
        PtdsHazard.TropicalDepression => "Áp thấp nhiệt đới",
        PtdsHazard.Whirlwind => "Lốc",
        PtdsHazard.Lightning => "Sét",
        PtdsHazard.Hail => "Mưa đá",
        PtdsHazard.HeavyRain => "Mưa lớn",
        PtdsHazard.Flood => "Lũ",
        PtdsHazard.FlashFlood => "Lũ quét",
        PtdsHazard.Inundation => "Ngập lụt",
        PtdsHazard.Landslide => "Sạt lở đất",
        PtdsHazard.Subsidence => "Sụt lún đất",
        PtdsHazard.StormSurge => "Nước dâng",
        PtdsHazard.SalineIntrusion => "Xâm nhập mặn",
        PtdsHazard.HeatWave => "Nắng nóng",
        PtdsHazard.Drought => "Hạn hán",
        PtdsHazard.DamagingCold => "Rét hại",
        PtdsHazard.Frost => "Sương muối",
        PtdsHazard.Earthquake => "Động đất",
        PtdsHazard.Tsunami => "Sóng thần",
        PtdsHazard.Wildfire => "Cháy rừng do tự nhiên",
        _ => hazard.ToString(),
    };

    public static string English(PtdsHazard hazard) => hazard switch
    {
        PtdsHazard.TropicalDepression => "Tropical depression",
        PtdsHazard.HeavyRain => "Heavy rain",
        PtdsHazard.FlashFlood => "Flash flood",
        PtdsHazard.StormSurge => "Storm surge",
        PtdsHazard.SalineIntrusion => "Saline intrusion",
        PtdsHazard.HeatWave => "Heat wave",
        PtdsHazard.DamagingCold => "Damaging cold",
        _ => hazard.ToString(),
    };
}
