using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Shared;

/// <summary>Unit kinds in the UI language (tỉnh, xã, phường, đặc khu…).</summary>
public static class UnitKindNames
{
    public static string Of(UnitKind kind, UiText text) => kind switch
    {
        UnitKind.Country => text["Country"],
        UnitKind.Province => text["Province"],
        UnitKind.Municipality => text["Centrally-run city"],
        UnitKind.District => text["District"],
        UnitKind.UrbanDistrict => text["Urban district"],
        UnitKind.Town => text["Town"],
        UnitKind.ProvincialCity => text["Provincial city"],
        UnitKind.Commune => text["Commune"],
        UnitKind.Ward => text["Ward"],
        UnitKind.Township => text["Township"],
        UnitKind.SpecialZone => text["Special zone"],
        _ => kind.ToString(),
    };
}
