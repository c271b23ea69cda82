namespace CivilDefense.Core.CommandBoards;

/// <summary>Role of a member on a civil-defense command board.</summary>
public enum BoardRole
{
    /// <summary>Trưởng ban.</summary>
    Head,
    /// <summary>Phó Trưởng ban thường trực.</summary>
    StandingDeputy,
    /// <summary>Phó Trưởng ban.</summary>
    Deputy,
    /// <summary>Ủy viên.</summary>
    Member,
}
