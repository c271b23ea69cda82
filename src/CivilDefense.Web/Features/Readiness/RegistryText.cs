using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>Names of the registries and of their file columns in the UI language.</summary>
public static class RegistryText
{
    public static string Kind(string kind, UiText text) => kind switch
    {
        "forces" => text["Forces"],
        "equipment" => text["Equipment and vehicles"],
        "supplies" => text["Supplies"],
        "logistics-points" => text["Logistics points"],
        "shelters" => text["Shelters"],
        _ => kind,
    };

    public static string Column(string column, UiText text) => column switch
    {
        "kind" => text["Kind"],
        "name" => text["Name"],
        "headcount" => text["Headcount"],
        "readiness" => text["Readiness"],
        "contact_name" => text["Contact"],
        "contact_phone" => text["Phone"],
        "note" => text["Note"],
        "swimming" => text["Swimming"],
        "first_aid" => text["First aid"],
        "boat_handling" => text["Boat handling"],
        "chemical_response" => text["Chemical response"],
        "search_and_rescue" => text["Search and rescue"],
        "type_code" => text["Type"],
        "quantity" => text["Quantity"],
        "condition" => text["Condition"],
        "location" => text["Location"],
        "latitude" => text["Latitude"],
        "longitude" => text["Longitude"],
        "maintenance_due" => text["Maintenance due"],
        "is_private" => text["Private"],
        "private_owner_name" => text["Private owner"],
        "private_owner_phone" => text["Owner's phone"],
        "category" => text["Category"],
        "item_name" => text["Item"],
        "unit_of_measure" => text["Unit of measure"],
        "storage_point_id" => text["Storage point"],
        "expires_on" => text["Expires on"],
        "capacity_note" => text["Capacity"],
        "building_use" => text["Building use"],
        "capacity" => text["Capacity (people)"],
        "floors_above_flood_level" => text["Floors above flood level"],
        "has_water" => text["Water"],
        "has_power" => text["Power"],
        "has_toilets" => text["Toilets"],
        "has_medical" => text["Medical"],
        "is_accessible" => text["Accessible"],
        "last_inspected_on" => text["Last inspected"],
        "owner_name" => text["Owner"],
        "address" => text["Address"],
        _ => column,
    };

    private static readonly HashSet<string> EnumValues =
    [
        .. Enum.GetNames<Core.Resources.ForceKind>(), .. Enum.GetNames<Core.Resources.Skill>(), .. Enum.GetNames<Core.Resources.ForceReadiness>(),
        .. Enum.GetNames<Core.Resources.AssetCondition>(), .. Enum.GetNames<Core.Resources.LogisticsPointKind>(), .. Enum.GetNames<Core.Resources.SupplyCategory>(),
        .. Enum.GetNames<Core.Resources.EquipmentCategory>(), .. Enum.GetNames<Core.Shelters.ShelterKind>(), .. Enum.GetNames<Core.Shelters.BuildingUse>(),
    ];

    /// <summary>A cell of a registry table: kinds, categories and conditions in the user's language, other values as they are.</summary>
    public static string? Value(string? value, UiText text) => value is not null && EnumValues.Contains(value) ? text[value] : value;

    /// <summary>The values the category filter offers per registry.</summary>
    public static IReadOnlyList<string> Categories(string kind) => kind switch
    {
        "forces" => Enum.GetNames<Core.Resources.ForceKind>(),
        "equipment" => Enum.GetNames<Core.Resources.EquipmentCategory>(),
        "supplies" => Enum.GetNames<Core.Resources.SupplyCategory>(),
        "logistics-points" => Enum.GetNames<Core.Resources.LogisticsPointKind>(),
        "shelters" => Enum.GetNames<Core.Shelters.ShelterKind>(),
        _ => [],
    };
}
