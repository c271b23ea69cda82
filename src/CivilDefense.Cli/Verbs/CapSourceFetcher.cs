namespace CivilDefense.Cli.Verbs;

/// <summary>
/// Reads a CAP source by its address: a local file, or an http(s) URL. Links found in a feed are
/// followed only with the feed's own kind of scheme, so a feed fetched from the network cannot
/// make the tool read local files.
/// </summary>
internal sealed class CapSourceFetcher(HttpClient http, int maxBytes)
{
    /// <summary>The address as a URI: http(s) as given, anything else as a local path.</summary>
    public static Uri Locate(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? new Uri(source)
            : new Uri(Path.GetFullPath(source));

    public static bool MayFollow(Uri from, Uri to) => from.IsFile ? to.IsFile || IsHttp(to) : IsHttp(to);

    /// <summary>The bytes, or the reason they could not be read (never throws for I/O or HTTP failures).</summary>
    public async Task<(byte[]? Data, string? Problem)> FetchAsync(Uri address, CancellationToken ct)
    {
        try
        {
            if (address.IsFile)
            {
                var file = new FileInfo(address.LocalPath);
                if (!file.Exists)
                {
                    return (null, $"no such file {file.FullName}");
                }

                return file.Length > maxBytes ? (null, $"larger than {maxBytes} bytes; refused") : (await File.ReadAllBytesAsync(file.FullName, ct), null);
            }

            if (!IsHttp(address))
            {
                return (null, $"scheme {address.Scheme} is not supported (files and http/https only)");
            }

            using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return (null, $"larger than {maxBytes} bytes; refused");
                }
            }

            return (buffer.ToArray(), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or TaskCanceledException)
        {
            return (null, e.Message);
        }
    }

    private static bool IsHttp(Uri uri) => uri.Scheme is "http" or "https";
}
