using System.Security.Cryptography;
using CivilDefense.Core.Common;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>Where report attachments live and how big they may be.</summary>
public sealed class AttachmentStoreOptions
{
    /// <summary>Default folder, relative to the app's working directory, beside the runtime database.</summary>
    public const string DefaultDirectory = "data/runtime/attachments";

    public string Directory { get; set; } = DefaultDirectory;

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxFilesPerReport { get; set; } = 5;
}

/// <summary>A file a user sends with a report, before any check.</summary>
public sealed record AttachmentUpload(string FileName, byte[] Content);

/// <summary>
/// Keeps attachment bytes on disk under their SHA-256, so the user's file name never becomes a
/// path, identical files are stored once, and a stored name can be checked for shape before use.
/// </summary>
public sealed class AttachmentStore(AttachmentStoreOptions options)
{
    public AttachmentStoreOptions Options => options;

    /// <summary>Checks one upload: name, size and sniffed type. Returns the content type, or the error.</summary>
    public Result<string> Check(AttachmentUpload upload, string field)
    {
        var name = upload.FileName;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255 || name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal)
            || name.Any(char.IsControl))
        {
            return ValidationError.ForField(field, "The file name may not contain path separators, '..' or control characters.");
        }

        if (upload.Content.Length == 0)
        {
            return ValidationError.ForField(field, "The file is empty.");
        }

        if (upload.Content.LongLength > options.MaxBytes)
        {
            return ValidationError.ForField(field, $"A file may not exceed {options.MaxBytes / 1024 / 1024} MB.");
        }

        return AttachmentTypes.Sniff(name, upload.Content) is { } type
            ? type
            : ValidationError.ForField(field, "Only PDF, PNG, JPEG, DOCX, XLSX and plain-text files are accepted, and the content must match the file's extension.");
    }

    /// <summary>
    /// Writes the bytes (once per distinct content); returns their stored name and whether this
    /// call wrote the file, so a caller whose save then fails knows what to remove.
    /// </summary>
    public async Task<(string Name, bool Written)> SaveAsync(byte[] content, CancellationToken ct)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(content));
        System.IO.Directory.CreateDirectory(options.Directory);
        var path = Path.Combine(options.Directory, name);
        if (!File.Exists(path))
        {
            // Written beside and moved in, so a reader never sees half a file.
            var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temporary, content, ct);
            File.Move(temporary, path, overwrite: true);
            return (name, true);
        }

        return (name, false);
    }

    /// <summary>Removes a stored file whose record was never committed; a malformed name is ignored.</summary>
    public void Delete(string storedName)
    {
        if (storedName.Length == 64 && storedName.All(char.IsAsciiHexDigitLower))
        {
            File.Delete(Path.Combine(options.Directory, storedName));
        }
    }

    /// <summary>Opens a stored file; null when the name is not a SHA-256 or the file is gone.</summary>
    public Stream? Open(string storedName)
    {
        if (storedName.Length != 64 || !storedName.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = Path.Combine(options.Directory, storedName);
        return File.Exists(path) ? File.OpenRead(path) : null;
    }
}
