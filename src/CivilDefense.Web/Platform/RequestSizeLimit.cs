using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Refuses a declared oversized body before anything reads it, and caps bodies without a length
/// while they stream. The limit is <see cref="WebHost.MaxRequestBodyBytes"/> unless the endpoint
/// declares its own (uploads); this makes the answer the same 413 problem wherever the app runs.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = Math.Min(
            context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? WebHost.MaxRequestBodyBytes,
            WebHost.MaxUploadBytes);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"The request body may not exceed {limit / 1024} KiB.",
                },
            });
            return;
        }

        await next(context);
    }
}
