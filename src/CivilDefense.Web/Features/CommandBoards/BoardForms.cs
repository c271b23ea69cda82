using CivilDefense.Core.CommandBoards;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>The board form's fields, shared by the new and board pages.</summary>
public sealed class BoardForm
{
    public int Version { get; set; }

    public string Name { get; set; } = "";

    public int? StandingAgencyId { get; set; }

    public string? EstablishingDecision { get; set; }

    public DateOnly? EstablishedOn { get; set; }
}

/// <summary>The add-member form.</summary>
public sealed class MemberForm
{
    public string FullName { get; set; } = "";

    public string Position { get; set; } = "";

    public BoardRole Role { get; set; } = BoardRole.Member;

    public int? OrganizationId { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>The add-shift form; times are Vietnam time as the officer types them.</summary>
public sealed class ShiftForm
{
    public int MemberId { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public string? Note { get; set; }
}
