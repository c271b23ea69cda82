using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Bodies for bare status codes (404 from routing, 401/403 from authorisation): problem details on
/// the API, a short page in the user's language elsewhere.
/// </summary>
public static class StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (WebHost.IsApi(http.Request) || http.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails { Status = status, Title = ReasonPhrase(status) },
            });
            return;
        }

        var text = http.RequestServices.GetRequiredService<UiText>();
        var title = status switch
        {
            404 => text["Page not found"],
            403 => text["You do not have access to this page"],
            401 => text["Please sign in"],
            _ => text["Something went wrong"],
        };
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!doctype html><html lang="{text.Language}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)}</title>
            <link rel="stylesheet" href="/css/site.css"></head><body><main class="container"><h1>{status}</h1>
            <p>{WebUtility.HtmlEncode(title)}</p><p><a href="/">{WebUtility.HtmlEncode(text["Back to the home page"])}</a></p></main></body></html>
            """);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
