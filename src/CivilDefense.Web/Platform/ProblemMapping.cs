using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Platform;

/// <summary>Typed errors and known exceptions as RFC 9457 problem details.</summary>
public static class ProblemMapping
{
    public static IResult ToProblem(this Error error) => error switch
    {
        NotFoundError => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        ForbiddenError => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        ConflictError => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
        { FieldErrors: { } fields } => TypedResults.ValidationProblem(fields, error.Message, title: "Invalid input"),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Cannot be done"),
    };

    /// <summary>The value as 200, or the error as its problem.</summary>
    public static IResult ToHttp<T>(this Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();
}

/// <summary>
/// Maps what escapes a handler: the write guard's denial (403), a stale version (409), a malformed
/// or oversized body (400/413). Anything else is a 500 with no internals shown.
/// </summary>
public sealed class KnownExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            AccessDeniedException e => (StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflict", new ConflictError().Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Request too large", "The request body is larger than allowed."),
            BadHttpRequestException e => (e.StatusCode, "Bad request", BadRequestDetail(e)),
            JsonException e => (StatusCodes.Status400BadRequest, "Bad request", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Server error", "An unexpected error occurred; it has been logged."),
        };
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>The JSON reader's message names the unknown or malformed member; pass it on.</summary>
    private static string BadRequestDetail(BadHttpRequestException e) =>
        e.InnerException is JsonException json ? json.Message : e.Message;
}
