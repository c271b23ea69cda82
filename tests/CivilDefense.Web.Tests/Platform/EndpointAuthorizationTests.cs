using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Web.Tests.Platform;

public sealed class EndpointAuthorizationTests
{
    /// <summary>Endpoints that are public on purpose: the login flow, health probes, error pages, alert subscription, the published CAP alerts and feed (issue 5).</summary>
    private static readonly HashSet<string> PublicRoutes =
        ["account/login", "account/denied", "account/language", "error", "health/live", "health/ready",
            "subscribe", "subscribe/confirm", "subscribe/unsubscribe", "api/v1/public/subscriptions", "api/v1/public/subscriptions/{id:int}/confirm", "api/v1/public/subscriptions/unsubscribe",
            "cap/alerts/{identifier}.xml", "cap/feed.atom",

            // The acknowledgement link a duty contact follows from an SMS: signed, GET shows only.
            "ack/{token}"];

    [Fact]
    public async Task EveryEndpoint_HasAnAuthorizationPolicyOrIsKnownPublic()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unprotected = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null || !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Where(route => !PublicRoutes.Contains(route))
            .ToList();

        Assert.True(endpoints.Count > 15, $"Only {endpoints.Count} endpoints found: the enumeration is broken.");
        Assert.True(unprotected.Count == 0, "Endpoints without an authorisation policy: " + string.Join(", ", unprotected));
    }

    [Fact]
    public async Task PublicRoutes_AreExactlyTheOnesAllowedAnonymous()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .ToHashSet();

        Assert.Subset(PublicRoutes, anonymous);
    }
}
