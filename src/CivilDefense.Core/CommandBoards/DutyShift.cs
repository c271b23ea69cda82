using CivilDefense.Core.Common;

namespace CivilDefense.Core.CommandBoards;

/// <summary>One shift of the board's duty roster (lịch trực): who is on duty from when to when (UTC).</summary>
public sealed class DutyShift : IVersioned
{
    public int Id { get; set; }

    public int BoardId { get; set; }

    public CommandBoard Board { get; set; } = null!;

    public int MemberId { get; set; }

    public BoardMember Member { get; set; } = null!;

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}
