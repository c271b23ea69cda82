using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;

namespace CivilDefense.Core.Access;

/// <summary>A person who signs in. Scoped to one administrative unit's subtree by role.</summary>
public sealed class User : IVersioned
{
    public const int MaxFailedLogins = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public int Id { get; set; }

    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    public string? Email { get; set; }

    public string PasswordHash { get; set; } = "";

    public Role Role { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>The organisation an agency liaison speaks for.</summary>
    public int? OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public bool IsActive { get; set; } = true;

    public int FailedLoginCount { get; set; }

    public DateTime? LockoutEndsAt { get; set; }

    /// <summary>"vi" or "en"; the UI starts in this language after sign-in.</summary>
    public string Language { get; set; } = "vi";

    public DateTime CreatedAt { get; set; }

    public DateTime? LastLoginAt { get; set; }

    public int Version { get; set; }

    public bool IsLockedOut(DateTime now) => LockoutEndsAt is { } end && end > now;

    /// <summary>Counts a failed password; the fifth in a row locks the account for a while.</summary>
    public void RecordFailedLogin(DateTime now)
    {
        FailedLoginCount++;
        if (FailedLoginCount >= MaxFailedLogins)
        {
            LockoutEndsAt = now + LockoutDuration;
            FailedLoginCount = 0;
        }
    }

    public void RecordSuccessfulLogin(DateTime now)
    {
        FailedLoginCount = 0;
        LockoutEndsAt = null;
        LastLoginAt = now;
    }
}
