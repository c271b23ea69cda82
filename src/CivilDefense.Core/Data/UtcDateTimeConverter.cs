using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CivilDefense.Core.Data;

/// <summary>
/// All times are stored as UTC. SQLite hands them back without a kind, which PostgreSQL's
/// timestamptz would refuse and which the UI would convert wrongly, so the kind is restored on read.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
