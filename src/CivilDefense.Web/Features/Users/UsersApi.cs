using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Users;

/// <summary>User accounts in the administrator's subtree, and each signed-in person's own profile.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.Administrator);
        users.MapGet("/", List);
        users.MapGet("/{id:int}", Get);
        users.MapPost("/", Create);
        users.MapPut("/{id:int}", Update);
        users.MapPost("/{id:int}/deactivate", (ManageUserAccount handler, int id, CancellationToken ct) => Run(handler.DeactivateAsync(id, ct)));
        users.MapPost("/{id:int}/reactivate", (ManageUserAccount handler, int id, CancellationToken ct) => Run(handler.ReactivateAsync(id, ct)));
        users.MapPost("/{id:int}/unlock", (ManageUserAccount handler, int id, CancellationToken ct) => Run(handler.UnlockAsync(id, ct)));
        users.MapPost("/{id:int}/reset-password", (ManageUserAccount handler, int id, CancellationToken ct) => Run(handler.ResetPasswordAsync(id, ct)));
        api.MapPost("/me/password", ChangeOwnPassword).WithTags("Account");
    }

    public static void AddUsers(this IServiceCollection services)
    {
        services.AddScoped<ListUsers>();
        services.AddScoped<GetUser>();
        services.AddScoped<CreateUser>();
        services.AddScoped<UpdateUser>();
        services.AddScoped<ManageUserAccount>();
        services.AddScoped<OwnProfile>();
    }

    private static async Task<IResult> List(
        ListUsers handler, Role? role, int? unitId, bool? active, string? search, int? page, int? pageSize, CancellationToken ct) =>
        (await handler.HandleAsync(new ListUsers.Query(role, unitId, active, search), new PageQuery(page ?? 1, pageSize ?? 50), ct)).ToHttp();

    private static async Task<IResult> Get(GetUser handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> Create(CreateUser handler, CreateUser.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/users/{result.Value!.User.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Update(UpdateUser handler, int id, UpdateUser.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> ChangeOwnPassword(OwnProfile handler, OwnProfile.PasswordInput input, CancellationToken ct)
    {
        var result = await handler.ChangePasswordAsync(input, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    private static async Task<IResult> Run<T>(Task<Result<T>> action) => (await action).ToHttp();
}
