using Microsoft.AspNetCore.Antiforgery;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Reads the one file of a multipart API request. Bearer-token clients post freely; a browser
/// session must carry the antiforgery token, since a cross-site form could otherwise post a file
/// with the user's cookie (JSON endpoints are safe by their content type, forms are not).
/// </summary>
public static class FileUploads
{
    public sealed record Upload(string FileName, byte[] Content, IFormCollection Form);

    public static async Task<(Upload? Upload, IResult? Problem)> ReadAsync(HttpContext context, long maxBytes)
    {
        if (!context.Request.HasFormContentType)
        {
            return (null, TypedResults.Problem("Send the file as multipart/form-data with a field named 'file'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return (null, TypedResults.Problem("The form's antiforgery token is missing or invalid; reload the page.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request"));
            }
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Choose a file; it may not be empty."] }, title: "Invalid input"));
        }

        if (file.Length > maxBytes)
        {
            return (null, TypedResults.Problem($"The file may not exceed {maxBytes / 1024 / 1024} MB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large"));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, context.RequestAborted);
        return (new Upload(Path.GetFileName(file.FileName), buffer.ToArray(), form), null);
    }
}
