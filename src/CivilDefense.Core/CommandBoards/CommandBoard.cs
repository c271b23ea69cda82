using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.CommandBoards;

/// <summary>The civil-defense command board (Ban Chỉ huy PTDS) of one administrative unit.</summary>
public sealed class CommandBoard : IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public required string Name { get; set; }

    /// <summary>The standing agency (cơ quan thường trực), usually the military command of the unit.</summary>
    public int? StandingAgencyId { get; set; }

    public Organization? StandingAgency { get; set; }

    /// <summary>The decision that established the board, e.g. "Quyết định số 12/QĐ-UBND".</summary>
    public string? EstablishingDecision { get; set; }

    public DateOnly? EstablishedOn { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public List<BoardMember> Members { get; set; } = [];

    public List<DutyShift> DutyShifts { get; set; } = [];
}
