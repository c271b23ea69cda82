using CivilDefense.Core.CommandBoards;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>Board roles in the UI language, as establishing decisions write them.</summary>
public static class BoardRoleNames
{
    public static string Of(BoardRole role, UiText text) => role switch
    {
        BoardRole.Head => text["Head of board"],
        BoardRole.StandingDeputy => text["Standing deputy head"],
        BoardRole.Deputy => text["Deputy head"],
        BoardRole.Member => text["Board member"],
        _ => role.ToString(),
    };
}

/// <summary>
/// Rosters are kept in UTC and shown in Vietnam time. Vietnam has had no daylight saving since
/// 1975, so a fixed +7 offset is exact and needs no time-zone database on the server.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime FromUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) + Offset;

    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
}

/// <summary>An error of a handler as one line for a page, and the status that matches the API's.</summary>
public static class BoardErrorText
{
    public static string Of(CivilDefense.Core.Common.Error error, UiText text) => error switch
    {
        CivilDefense.Core.Common.ConflictError => text["Someone else changed this record; reload and try again."],
        { FieldErrors: { Count: > 0 } fields } => string.Join(" ", fields.SelectMany(f => f.Value).Distinct()),
        _ => error.Message,
    };

    public static int StatusOf(CivilDefense.Core.Common.Error error) => error switch
    {
        CivilDefense.Core.Common.NotFoundError => StatusCodes.Status404NotFound,
        CivilDefense.Core.Common.ConflictError => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
