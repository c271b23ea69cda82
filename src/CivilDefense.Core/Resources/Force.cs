using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Resources;

/// <summary>A force (lực lượng) a unit can call on in an emergency, with its headcount and certified skills.</summary>
public sealed class Force : IUnitResource, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OwnerOrganizationId { get; set; }

    public ForceKind Kind { get; set; }

    public required string Name { get; set; }

    public int Headcount { get; set; }

    public ForceReadiness Readiness { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public List<ForceSkill> Skills { get; set; } = [];
}

/// <summary>How many members of a force hold a certificate in one skill.</summary>
public sealed class ForceSkill
{
    public int ForceId { get; set; }

    public Force Force { get; set; } = null!;

    public Skill Skill { get; set; }

    public int CertifiedMembers { get; set; }
}

public enum ForceKind
{
    /// <summary>Dân quân tự vệ.</summary>
    Militia,
    /// <summary>Lực lượng bảo vệ an ninh, trật tự ở cơ sở (bảo vệ dân phố).</summary>
    CivilGuard,
    /// <summary>Công an xã.</summary>
    CommunePolice,
    /// <summary>Đội xung kích phòng chống thiên tai.</summary>
    ShockTeam,
    /// <summary>Lực lượng chuyên trách, chuyên ngành.</summary>
    Specialised,
    /// <summary>Lực lượng kiêm nhiệm.</summary>
    PartTime,
    /// <summary>Tình nguyện viên.</summary>
    Volunteer,
}

/// <summary>Certified skills counted per force.</summary>
public enum Skill
{
    /// <summary>Bơi lội.</summary>
    Swimming,
    /// <summary>Sơ cấp cứu.</summary>
    FirstAid,
    /// <summary>Điều khiển phương tiện thủy.</summary>
    BoatHandling,
    /// <summary>Ứng phó sự cố hóa chất.</summary>
    ChemicalResponse,
    /// <summary>Tìm kiếm cứu nạn.</summary>
    SearchAndRescue,
}

/// <summary>Readiness state of a force as its commander reports it (trạng thái sẵn sàng).</summary>
public enum ForceReadiness
{
    Ready,
    Partial,
    NotReady,
}
