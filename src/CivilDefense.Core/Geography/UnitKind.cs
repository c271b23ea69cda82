namespace CivilDefense.Core.Geography;

/// <summary>Kinds of administrative unit (Vietnamese terms in the comments).</summary>
public enum UnitKind
{
    /// <summary>Quốc gia: the national root used for a national deployment.</summary>
    Country,
    /// <summary>Tỉnh.</summary>
    Province,
    /// <summary>Thành phố trực thuộc trung ương.</summary>
    Municipality,
    /// <summary>Huyện.</summary>
    District,
    /// <summary>Quận.</summary>
    UrbanDistrict,
    /// <summary>Thị xã.</summary>
    Town,
    /// <summary>Thành phố thuộc tỉnh.</summary>
    ProvincialCity,
    /// <summary>Xã.</summary>
    Commune,
    /// <summary>Phường.</summary>
    Ward,
    /// <summary>Thị trấn.</summary>
    Township,
    /// <summary>Đặc khu.</summary>
    SpecialZone,
}

public static class UnitLevels
{
    /// <summary>0 national, 1 province level, 2 district level (before 1/7/2025), 3 commune level.</summary>
    public static int LevelOf(UnitKind kind) => kind switch
    {
        UnitKind.Country => 0,
        UnitKind.Province or UnitKind.Municipality => 1,
        UnitKind.District or UnitKind.UrbanDistrict or UnitKind.Town or UnitKind.ProvincialCity => 2,
        _ => 3,
    };
}
