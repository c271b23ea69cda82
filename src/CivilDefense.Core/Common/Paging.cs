using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Common;

/// <summary>Which page of a list to return; clamped so no caller can ask for the whole table.</summary>
public sealed record PageQuery(int Page = 1, int PageSize = 50)
{
    public const int MaxPageSize = 500;

    public int SafePage => Math.Max(1, Page);

    public int SafePageSize => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>One page of a list and the total, so clients can draw a pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public static class PagingExtensions
{
    /// <summary>Counts and fetches one page; the query must already be ordered.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageQuery page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page.SafePage - 1) * page.SafePageSize).Take(page.SafePageSize).ToListAsync(ct);
        return new Page<T>(items, total, page.SafePage, page.SafePageSize);
    }
}
