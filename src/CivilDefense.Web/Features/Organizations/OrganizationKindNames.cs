using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>Organisation kinds in the UI language, with the abbreviations plans use in Vietnamese (UBND, HĐND, MTTQ).</summary>
public static class OrganizationKindNames
{
    public static string Of(OrganizationKind kind, UiText text) => kind switch
    {
        OrganizationKind.PartyCommittee => text["Party committee"],
        OrganizationKind.PeoplesCouncil => text["People's Council"],
        OrganizationKind.PeoplesCommittee => text["People's Committee"],
        OrganizationKind.Department => text["Department or agency"],
        OrganizationKind.MilitaryCommand => text["Military command"],
        OrganizationKind.Police => text["Police"],
        OrganizationKind.BorderGuard => text["Border guard"],
        OrganizationKind.FatherlandFront => text["Fatherland Front"],
        OrganizationKind.MassOrganization => text["Mass organisation"],
        OrganizationKind.Enterprise => text["Enterprise"],
        OrganizationKind.School => text["School"],
        OrganizationKind.Hospital => text["Hospital"],
        OrganizationKind.Other => text["Other"],
        _ => kind.ToString(),
    };
}

/// <summary>An error of a handler as one line for a page: the message and any field messages.</summary>
public static class ErrorText
{
    public static string Of(CivilDefense.Core.Common.Error error, UiText text) => error switch
    {
        CivilDefense.Core.Common.ConflictError => text["Someone else changed this record; reload and try again."],
        { FieldErrors: { Count: > 0 } fields } => string.Join(" ", fields.SelectMany(f => f.Value).Distinct()),
        _ => error.Message,
    };

    /// <summary>The status a page answers with when a handler refuses, matching the API's.</summary>
    public static int StatusOf(CivilDefense.Core.Common.Error error) => error switch
    {
        CivilDefense.Core.Common.NotFoundError => StatusCodes.Status404NotFound,
        CivilDefense.Core.Common.ConflictError => StatusCodes.Status409Conflict,
        CivilDefense.Core.Common.ForbiddenError => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}
