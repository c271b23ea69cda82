namespace CivilDefense.Core.Access;

/// <summary>What a user may do inside the subtree of their administrative unit.</summary>
public enum Role
{
    /// <summary>Quản trị: everything, including users, tokens and the audit trail.</summary>
    Administrator,
    /// <summary>Chỉ huy: territory, organisations, command boards; reads the audit trail.</summary>
    Commander,
    /// <summary>Cán bộ: organisations and command boards.</summary>
    Officer,
    /// <summary>Cán bộ đầu mối của cơ quan: only the records of their own organisation.</summary>
    AgencyLiaison,
    /// <summary>Xem: reads, changes nothing.</summary>
    Viewer,
}
