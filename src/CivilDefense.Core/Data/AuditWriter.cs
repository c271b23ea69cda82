using CivilDefense.Core.Audit;

namespace CivilDefense.Core.Data;

/// <summary>
/// Writes audit entries set-based in the save's transaction. Through EF each entry was one more
/// tracked entity and, on SQLite, one more statement: half the cost of a bulk import (a plan of
/// 25,000 assignments writes 50,000 entries). The entries are append-only and nothing reads them
/// back in the same unit of work, so they need no tracking.
/// </summary>
internal static class AuditWriter
{
    public static Task InsertAsync(PtdsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct) =>
        db.WriteRowsAsync(db.Model.FindEntityType(typeof(AuditEntry))!, entries, (entry, property) => property.GetGetter().GetClrValue(entry), withKey: false, ct);
}
