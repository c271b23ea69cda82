using System.Text.Json;
using CivilDefense.Core.Audit;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Audit;

/// <summary>One audit entry: the values before and after the write side by side, changed ones marked.</summary>
[Authorize(Policy = Policies.AuditReader)]
public sealed class EntryModel(GetAuditEntry get) : PageModel
{
    public sealed record FieldRow(string Name, string? Before, string? After, bool Changed);

    public AuditDetails? Entry { get; private set; }

    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return NotFound();
        }

        Entry = result.Value;
        var before = Parse(Entry!.Before);
        var after = Parse(Entry.After);
        Fields = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(k => new FieldRow(k, before.GetValueOrDefault(k), after.GetValueOrDefault(k), Entry.Before is not null && Entry.After is not null && before.GetValueOrDefault(k) != after.GetValueOrDefault(k)))
            .ToList();
        return Page();
    }

    /// <summary>Snapshot JSON as name → display text; raw JSON text keeps numbers and dates exactly as stored.</summary>
    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            },
            StringComparer.Ordinal);
    }
}
