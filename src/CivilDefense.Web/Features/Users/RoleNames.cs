using CivilDefense.Core.Access;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Users;

/// <summary>Roles as people say them (Quản trị viên, Chỉ huy…), for lists and forms.</summary>
public static class RoleNames
{
    public static string Of(Role role, UiText text) => role switch
    {
        Role.Administrator => text["Administrator"],
        Role.Commander => text["Commander"],
        Role.Officer => text["Officer"],
        Role.AgencyLiaison => text["Agency liaison"],
        _ => text["Viewer"],
    };
}
