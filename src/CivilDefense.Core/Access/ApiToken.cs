using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Access;

/// <summary>
/// A bearer token for a machine (a station, an integration). Only a SHA-256 hash of the secret is
/// stored; the prefix finds the row without scanning. Scoped and role-bound like a user.
/// </summary>
public sealed class ApiToken : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The public first part of the token ("ptds_ab12cd34"), shown in lists.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    public Role Role { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OrganizationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public int? CreatedByUserId { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public int Version { get; set; }

    public bool IsUsable(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
