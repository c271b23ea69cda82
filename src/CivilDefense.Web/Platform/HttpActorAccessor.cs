using CivilDefense.Core.Access;

namespace CivilDefense.Web.Platform;

/// <summary>
/// The actor of the current request. Code that runs outside a request (start-up seeding) sets
/// <see cref="Override"/> to act as the system.
/// </summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    public Actor? Override { get; set; }

    public Actor Current => Override ?? (http.HttpContext is { } context ? PtdsClaims.ToActor(context.User) : PtdsClaims.Anonymous);
}
