using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Audit;

/// <summary>The trail stores type and action names in English (stable for exports); pages show them translated.</summary>
public static class AuditNames
{
    public static string Action(string action, UiText text) => action switch
    {
        "Create" => text["Create"],
        "Update" => text["Update"],
        "Delete" => text["Delete"],
        _ => action,
    };

    public static string EntityType(string type, UiText text) => type switch
    {
        "AdministrativeUnit" => text["Administrative unit"],
        "UnitSuccession" => text["Unit succession"],
        "Organization" => text["Organisation"],
        "OrganizationContact" => text["Organisation contact"],
        "CommandBoard" => text["Command board"],
        "BoardMember" => text["Board member"],
        "DutyShift" => text["Duty shift"],
        "User" => text["User"],
        "ApiToken" => text["API token"],
        _ => type,
    };
}
