namespace CivilDefense.Core.Access;

/// <summary>A user in a list: never the password hash.</summary>
public sealed record UserSummary(
    int Id, string UserName, string DisplayName, string? Email, Role Role, int UnitId, string UnitName,
    int? OrganizationId, string? OrganizationName, bool IsActive, DateTime? LockoutEndsAt, DateTime? LastLoginAt, int Version);

/// <summary>One user as the user page shows them.</summary>
public sealed record UserDetails(
    int Id, string UserName, string DisplayName, string? Email, Role Role, int UnitId, string UnitName,
    int? OrganizationId, string? OrganizationName, bool IsActive, bool IsLockedOut, DateTime? LockoutEndsAt,
    int FailedLoginCount, string Language, DateTime CreatedAt, DateTime? LastLoginAt, int Version);

/// <summary>A password made by the system, shown once to whoever asked for it and never stored in clear.</summary>
public sealed record GeneratedPassword(int UserId, string UserName, string Password);

/// <summary>A created user, with the generated password when none was given.</summary>
public sealed record CreatedUser(UserDetails User, string? GeneratedPassword);
