using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>Command boards, their members and their duty rosters.</summary>
public static class CommandBoardsApi
{
    public static void MapCommandBoardsApi(this RouteGroupBuilder api)
    {
        var boards = api.MapGroup("/boards").WithTags("Command boards");
        boards.MapGet("/", List);
        boards.MapGet("/{id:int}", Get);
        boards.MapPost("/", Create).RequireAuthorization(Policies.Editor);
        boards.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Editor);
        boards.MapPost("/{id:int}/deactivate", Deactivate).RequireAuthorization(Policies.Editor);
        boards.MapPost("/{id:int}/reactivate", Reactivate).RequireAuthorization(Policies.Editor);
        boards.MapPost("/{id:int}/members", AddMember).RequireAuthorization(Policies.Editor);
        boards.MapPut("/{id:int}/members/{memberId:int}", UpdateMember).RequireAuthorization(Policies.Editor);
        boards.MapPost("/{id:int}/members/{memberId:int}/deactivate", DeactivateMember).RequireAuthorization(Policies.Editor);
        boards.MapPost("/{id:int}/members/{memberId:int}/reactivate", ReactivateMember).RequireAuthorization(Policies.Editor);
        boards.MapGet("/{id:int}/shifts", Shifts);
        boards.MapPost("/{id:int}/shifts", AddShift).RequireAuthorization(Policies.Editor);
        boards.MapDelete("/{id:int}/shifts/{shiftId:int}", RemoveShift).RequireAuthorization(Policies.Editor);
    }

    public static void AddCommandBoards(this IServiceCollection services)
    {
        services.AddScoped<ListBoards>();
        services.AddScoped<GetBoard>();
        services.AddScoped<CreateBoard>();
        services.AddScoped<UpdateBoard>();
        services.AddScoped<SetBoardActive>();
        services.AddScoped<AddMember>();
        services.AddScoped<UpdateMember>();
        services.AddScoped<SetMemberActive>();
        services.AddScoped<ListShifts>();
        services.AddScoped<AddShift>();
        services.AddScoped<RemoveShift>();
    }

    private static async Task<Ok<Page<BoardSummary>>> List(ListBoards handler, int? unitId, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new ListBoards.Query(unitId, active), new PageQuery(page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> Get(GetBoard handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> Create(CreateBoard handler, CreateBoard.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/boards/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Update(UpdateBoard handler, int id, UpdateBoard.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> Deactivate(SetBoardActive handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: false, ct)).ToHttp();

    private static async Task<IResult> Reactivate(SetBoardActive handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: true, ct)).ToHttp();

    private static async Task<IResult> AddMember(AddMember handler, int id, MemberInput input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/boards/{id}/members/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateMember(UpdateMember handler, int id, int memberId, UpdateMember.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, memberId, input, ct)).ToHttp();

    private static async Task<IResult> DeactivateMember(SetMemberActive handler, int id, int memberId, CancellationToken ct) =>
        (await handler.HandleAsync(id, memberId, active: false, ct)).ToHttp();

    private static async Task<IResult> ReactivateMember(SetMemberActive handler, int id, int memberId, CancellationToken ct) =>
        (await handler.HandleAsync(id, memberId, active: true, ct)).ToHttp();

    /// <summary>Shifts overlapping [from, to) in UTC; the next 14 days by default, 92 at most.</summary>
    private static async Task<IResult> Shifts(ListShifts handler, int id, DateTime? from, DateTime? to, CancellationToken ct) =>
        (await handler.HandleAsync(id, from, to, ct)).ToHttp();

    private static async Task<IResult> AddShift(AddShift handler, int id, AddShift.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/boards/{id}/shifts/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> RemoveShift(RemoveShift handler, int id, int shiftId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, shiftId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }
}
