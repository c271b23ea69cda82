namespace CivilDefense.Core.Readiness;

/// <summary>The kind of risk a unit is exposed to; norms are set per profile.</summary>
public enum HazardProfile
{
    /// <summary>Every unit: the baseline requirements.</summary>
    General,
    /// <summary>Vùng trũng, ngập lụt.</summary>
    FloodProne,
    /// <summary>Sạt lở đất, lũ quét.</summary>
    Landslide,
    /// <summary>Ven biển.</summary>
    Coastal,
    /// <summary>Đô thị.</summary>
    Urban,
    /// <summary>Biên giới.</summary>
    Border,
}

/// <summary>The four components of "four on-the-spot" (bốn tại chỗ).</summary>
public enum ReadinessComponent
{
    /// <summary>Chỉ huy tại chỗ.</summary>
    Command,
    /// <summary>Lực lượng tại chỗ.</summary>
    Forces,
    /// <summary>Phương tiện, vật tư tại chỗ.</summary>
    MeansAndMaterials,
    /// <summary>Hậu cần tại chỗ.</summary>
    Logistics,
}
