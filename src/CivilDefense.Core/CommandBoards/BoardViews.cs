namespace CivilDefense.Core.CommandBoards;

/// <summary>A board in a list.</summary>
public sealed record BoardSummary(
    int Id, int UnitId, string UnitName, string Name, int? StandingAgencyId, string? StandingAgencyName,
    string? EstablishingDecision, DateOnly? EstablishedOn, bool IsActive, int MemberCount, string? HeadName, int Version);

/// <summary>A member of a board, with the organisation that sends them.</summary>
public sealed record MemberView(
    int Id, int BoardId, string FullName, string Position, BoardRole Role, int? OrganizationId, string? OrganizationName,
    string? Phone, string? Email, bool IsActive, int Version);

/// <summary>One shift of the duty roster (times in UTC).</summary>
public sealed record ShiftView(int Id, int BoardId, int MemberId, string MemberName, BoardRole MemberRole, DateTime StartsAt, DateTime EndsAt, string? Note, int Version);

/// <summary>The members holding one board role, in the order the establishing decision lists them.</summary>
public sealed record RoleGroup(BoardRole Role, IReadOnlyList<MemberView> Members);

/// <summary>Everything the board page shows: members by role and the roster of the next days.</summary>
public sealed record BoardDetails(
    int Id, int UnitId, string UnitName, string UnitPath, string Name, int? StandingAgencyId, string? StandingAgencyName,
    string? EstablishingDecision, DateOnly? EstablishedOn, bool IsActive, int Version,
    IReadOnlyList<RoleGroup> MembersByRole, IReadOnlyList<ShiftView> UpcomingShifts);

/// <summary>Board roles in rank order. Roles are stored as text, so SQL ordering would be alphabetical, not by rank.</summary>
public static class BoardRoles
{
    public static readonly BoardRole[] ByRank = [BoardRole.Head, BoardRole.StandingDeputy, BoardRole.Deputy, BoardRole.Member];
}
