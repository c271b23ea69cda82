using CivilDefense.Core.Common;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>Organisations of the units in scope and their contacts.</summary>
public static class OrganizationsApi
{
    public static void MapOrganizationsApi(this RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organisations");
        organizations.MapGet("/", List);
        organizations.MapGet("/{id:int}", Get);
        organizations.MapPost("/", Create).RequireAuthorization(Policies.Editor);
        organizations.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Editor);
        organizations.MapPost("/{id:int}/deactivate", Deactivate).RequireAuthorization(Policies.Editor);
        organizations.MapPost("/{id:int}/reactivate", Reactivate).RequireAuthorization(Policies.Editor);
        organizations.MapPost("/{id:int}/contacts", AddContact).RequireAuthorization(Policies.Editor);
        organizations.MapPut("/{id:int}/contacts/{contactId:int}", UpdateContact).RequireAuthorization(Policies.Editor);
        organizations.MapDelete("/{id:int}/contacts/{contactId:int}", RemoveContact).RequireAuthorization(Policies.Editor);
    }

    public static void AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<ListOrganizations>();
        services.AddScoped<GetOrganization>();
        services.AddScoped<CreateOrganization>();
        services.AddScoped<UpdateOrganization>();
        services.AddScoped<SetOrganizationActive>();
        services.AddScoped<AddContact>();
        services.AddScoped<UpdateContact>();
        services.AddScoped<RemoveContact>();
    }

    private static async Task<Ok<Page<OrganizationSummary>>> List(
        ListOrganizations handler, int? unitId, OrganizationKind? kind, string? search, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(
            new ListOrganizations.Query(unitId, kind, search, active),
            new PageQuery(page ?? 1, pageSize ?? 50),
            ct));

    private static async Task<IResult> Get(GetOrganization handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> Create(CreateOrganization handler, CreateOrganization.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/organizations/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Update(UpdateOrganization handler, int id, UpdateOrganization.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> Deactivate(SetOrganizationActive handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: false, ct)).ToHttp();

    private static async Task<IResult> Reactivate(SetOrganizationActive handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: true, ct)).ToHttp();

    private static async Task<IResult> AddContact(AddContact handler, int id, ContactInput input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/organizations/{id}/contacts/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateContact(UpdateContact handler, int id, int contactId, UpdateContact.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, contactId, input, ct)).ToHttp();

    private static async Task<IResult> RemoveContact(RemoveContact handler, int id, int contactId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, contactId, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }
}
