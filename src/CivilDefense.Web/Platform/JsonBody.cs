using System.Buffers;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Reads a JSON request body whole, for an endpoint that parses it itself instead of binding a
/// model (the observation ingest reads 80,000 items straight into columns). The content type
/// must be JSON: a cross-site form cannot send it, which is what keeps a cookie-authenticated
/// JSON endpoint safe without an antiforgery token. The body is capped as it streams, so a body
/// without a declared length cannot exceed the limit either.
/// </summary>
public sealed class JsonBody : IDisposable
{
    private byte[]? _rented;

    private JsonBody(byte[] rented, int length) => (_rented, Length) = (rented, length);

    public int Length { get; }

    public ReadOnlyMemory<byte> Content => _rented.AsMemory(0, Length);

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    /// <returns>The body, or the problem to answer: 415 for another content type, 413 over the limit.</returns>
    public static async Task<(JsonBody? Body, IResult? Problem)> ReadAsync(HttpContext context, int maxBytes)
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem("Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type"));
        }

        var tooLarge = TypedResults.Problem($"The request body may not exceed {maxBytes / 1024} KiB; split the batch.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large");
        if (context.Request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)(context.Request.ContentLength ?? 64 * 1024) + 1);
        var length = 0;
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, tooLarge);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return (new JsonBody(buffer, length), null);
    }
}
