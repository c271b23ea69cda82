namespace CivilDefense.Core.Access;

/// <summary>
/// Who is acting: a signed-in user, a machine holding an API token, or the system itself (CLI,
/// start-up seeding). <see cref="UnitPath"/> is the root of the subtree the actor may see;
/// null only for the system, which is unrestricted.
/// </summary>
public sealed record Actor(
    string Name,
    Role Role,
    int? UnitId,
    string? UnitPath,
    int? OrganizationId = null,
    int? UserId = null,
    int? TokenId = null)
{
    public static Actor System { get; } = new("system", Role.Administrator, null, null);

    public bool IsUnrestricted => UnitPath is null;

    /// <summary>Whether the unit at <paramref name="unitPath"/> lies in this actor's subtree.</summary>
    public bool Covers(string unitPath) =>
        IsUnrestricted || unitPath.StartsWith(UnitPath!, StringComparison.Ordinal);
}

/// <summary>Gives the DbContext and handlers the actor of the current request or command.</summary>
public interface IActorAccessor
{
    Actor Current { get; }
}

/// <summary>An accessor with a fixed actor: the CLI, seeding and tests.</summary>
public sealed class FixedActorAccessor(Actor actor) : IActorAccessor
{
    public Actor Current { get; set; } = actor;
}
