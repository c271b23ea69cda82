namespace CivilDefense.Core.Audit;

/// <summary>
/// One write, recorded by the DbContext in the same transaction as the write itself. Append-only:
/// the context refuses to change or delete entries, and the schema has triggers that refuse it too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>User name, "token:NAME", or "system".</summary>
    public required string Actor { get; set; }

    public int? ActorUserId { get; set; }

    public required string Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    /// <summary>The unit the record belongs to, so the trail is scoped like everything else.</summary>
    public int? UnitId { get; set; }

    public string UnitPath { get; set; } = "";

    /// <summary>JSON of the scalar values before the write (null on create).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the scalar values after the write (null on delete).</summary>
    public string? After { get; set; }
}
