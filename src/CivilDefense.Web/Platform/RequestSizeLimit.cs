using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Refuses a declared oversized body before anything reads it. Kestrel also enforces
/// <see cref="WebHost.MaxRequestBodyBytes"/> while streaming bodies without a length; this makes
/// the answer the same 413 problem wherever the app runs (test server, behind a proxy).
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > WebHost.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"The request body may not exceed {WebHost.MaxRequestBodyBytes / 1024} KiB.",
                },
            });
            return;
        }

        await next(context);
    }
}
