using Microsoft.Extensions.Caching.Memory;

namespace CivilDefense.Web.Features.Plans;

/// <summary>
/// Holds an uploaded document between its preview and the user's "apply", so the file is not sent
/// twice. Kept in memory for half an hour, and only for the user who uploaded it.
/// </summary>
public sealed class PendingUploads(IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public string Keep(string userName, string fileName, byte[] content)
    {
        var id = Guid.NewGuid().ToString("N");
        cache.Set(Key(userName, id), (fileName, content), new MemoryCacheEntryOptions { SlidingExpiration = Lifetime, Size = content.Length });
        return id;
    }

    public (string FileName, byte[] Content)? Find(string userName, string? id) =>
        id is not null && cache.TryGetValue(Key(userName, id), out (string, byte[]) upload) ? upload : null;

    public void Forget(string userName, string id) => cache.Remove(Key(userName, id));

    private static string Key(string userName, string id) => $"plan-upload:{userName}:{id}";
}
