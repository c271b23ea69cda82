namespace CivilDefense.Core.Organizations;

/// <summary>Kinds of organisation that take part in civil defense (Vietnamese terms in comments).</summary>
public enum OrganizationKind
{
    /// <summary>Cấp ủy Đảng (tỉnh ủy, đảng ủy xã).</summary>
    PartyCommittee,
    /// <summary>Hội đồng nhân dân.</summary>
    PeoplesCouncil,
    /// <summary>Ủy ban nhân dân.</summary>
    PeoplesCommittee,
    /// <summary>Sở, ban, ngành.</summary>
    Department,
    /// <summary>Bộ Chỉ huy quân sự, Ban Chỉ huy quân sự, Ban Chỉ huy phòng thủ khu vực.</summary>
    MilitaryCommand,
    /// <summary>Công an.</summary>
    Police,
    /// <summary>Bộ đội Biên phòng.</summary>
    BorderGuard,
    /// <summary>Ủy ban Mặt trận Tổ quốc.</summary>
    FatherlandFront,
    /// <summary>Đoàn thể: Hội Chữ thập đỏ, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh.</summary>
    MassOrganization,
    /// <summary>Doanh nghiệp.</summary>
    Enterprise,
    /// <summary>Trường học.</summary>
    School,
    /// <summary>Bệnh viện, trạm y tế.</summary>
    Hospital,
    /// <summary>Khác.</summary>
    Other,
}
