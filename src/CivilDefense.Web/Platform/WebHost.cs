using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Web.Features;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;

namespace CivilDefense.Web.Platform;

/// <summary>Service registration and the request pipeline, in the order they matter.</summary>
public static class WebHost
{
    /// <summary>Largest request body accepted by default; large imports go through the CLI.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Largest body of an endpoint that declares a larger limit (document uploads, with
    /// <c>[RequestSizeLimit]</c> or <c>.WithMetadata(new RequestSizeLimitAttribute(...))</c>).
    /// Kestrel and the form reader allow this much; <see cref="RequestSizeLimit"/> holds every other endpoint to the default.
    /// </summary>
    public const long MaxUploadBytes = 12 * 1024 * 1024;

    public static void AddPtdsWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Vietnamese letters are written as they are, not as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<HttpActorAccessor>();
        services.AddScoped<IActorAccessor>(sp => sp.GetRequiredService<HttpActorAccessor>());
        services.AddPtdsData(database);
        services.AddPtdsFeatures();
        services.AddSingleton(new StartupConsole(Console.Out));
        services.Configure<StartupOptions>(builder.Configuration.GetSection("Ptds"));

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxUploadBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = MaxUploadBytes);

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "ptds.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = CookieValidation.ValidateAsync;
                // The API answers with status codes, never with a redirect to the login page.
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ptds.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<KnownExceptionHandler>();
        // Binding failures (malformed JSON, unknown fields) reach KnownExceptionHandler, which names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.AddValidation();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PTDS API";
            document.Info.Description = "Civil-defense command and management platform: territory, organisations, command boards, users, tokens and audit.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

        services.AddSingleton(UiText.LoadEmbedded());
        services.AddRequestLocalization(o =>
        {
            var cultures = new[] { new CultureInfo(UiText.Vietnamese), new CultureInfo(UiText.English) };
            o.DefaultRequestCulture = new RequestCulture(UiText.Vietnamese);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // A chosen language (cookie) wins; the browser's preference is not consulted so Vietnamese stays the default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/", Policies.Reader);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Account/Language");
            o.Conventions.AllowAnonymousToPage("/Error");
        });
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
    }

    public const string SmartScheme = "cookie-or-bearer";

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter());
        // A misspelt field would otherwise be dropped silently and the client never told.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }

    public static void UsePtdsWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // First, so error and status pages written by the outer middleware speak the user's language too.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusPages.WriteAsync);
        app.UseStaticFiles();
        app.UseRouting();
        // After routing: the limit depends on the endpoint.
        app.UseMiddleware<RequestSizeLimit>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Reader);

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Reader).WithTags("PTDS");
        api.MapPtdsFeatures();
        Features.Alerts.PublicCapEndpoints.MapPublicCap(app);
        app.MapRazorPages();
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
