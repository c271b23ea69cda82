using CivilDefense.Core.Common;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.CommandBoards;

/// <summary>A member of a command board: the person, the office they hold, and their board role.</summary>
public sealed class BoardMember : IVersioned
{
    public int Id { get; set; }

    public int BoardId { get; set; }

    public CommandBoard Board { get; set; } = null!;

    public required string FullName { get; set; }

    /// <summary>The office that puts them on the board, e.g. "Chủ tịch UBND tỉnh".</summary>
    public required string Position { get; set; }

    public BoardRole Role { get; set; }

    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}
