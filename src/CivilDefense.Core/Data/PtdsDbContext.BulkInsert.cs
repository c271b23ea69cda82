using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilDefense.Core.Data;

/// <summary>Set-based inserts for imports that create thousands of records of one kind.</summary>
public sealed partial class PtdsDbContext
{
    /// <summary>
    /// Inserts new records with multi-row INSERTs and leaves them tracked as unchanged, with the
    /// same access check and audit entry per record that <see cref="SaveChangesAsync(bool, CancellationToken)"/>
    /// gives. Through SaveChanges each record cost about 150 µs of change-tracking and command work
    /// (and one statement per row on SQLite), which put a 25,000-assignment plan import at 13-18 s.
    /// Keys are reserved first (the PostgreSQL sequence, or past the highest key on SQLite, whose
    /// single writer this transaction already is), so records can be written without reading
    /// generated keys back. Pending tracked changes are saved first: the new records may refer to them.
    /// </summary>
    internal async Task InsertManyAsync<TEntity>(IReadOnlyList<TEntity> records, CancellationToken ct)
        where TEntity : class
    {
        if (records.Count == 0)
        {
            return;
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        try
        {
            await SaveChangesAsync(ct);
            var entityType = Model.FindEntityType(typeof(TEntity))
                ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties.Single();
            var ids = await ReserveKeysAsync(table.Name, key.GetColumnName(table)!, records.Count, ct);

            var entries = TrackAsAdded(records, key, ids);
            var pending = new List<PendingAudit>(entries.Count);
            foreach (var entry in entries)
            {
                pending.Add(new PendingAudit(entry, EntityState.Added, null, await AuthorizeAsync(entry, ct)));
            }

            await WriteRowsAsync(entityType, entries, (entry, property) => entry.Property(property.Name).CurrentValue, withKey: true, ct);
            await AuditWriter.InsertAsync(this, AuditEntriesFor(pending), ct);
            foreach (var entry in entries)
            {
                entry.State = EntityState.Unchanged;
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        catch
        {
            // Tracked as added, never written: leaving them would insert them again on the next save.
            foreach (var record in records)
            {
                Entry(record).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            _trackedIndex = null;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private List<EntityEntry> TrackAsAdded<TEntity>(IReadOnlyList<TEntity> records, IProperty key, long[] ids)
        where TEntity : class
    {
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var entries = new List<EntityEntry>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                key.PropertyInfo!.SetValue(records[i], Convert.ChangeType(ids[i], key.ClrType, CultureInfo.InvariantCulture));
                var entry = Entry(records[i]);
                entry.State = EntityState.Added;
                entries.Add(entry);
            }

            IndexTracked();
            return entries;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<long[]> ReserveKeysAsync(string table, string keyColumn, int count, CancellationToken ct)
    {
        var ids = new long[count];
        await using var command = CreateCommand();
        if (Database.IsNpgsql())
        {
            // Sequence values are never handed out twice, so concurrent writers cannot collide.
            command.CommandText = $"SELECT nextval(pg_get_serial_sequence('\"{table}\"', '{keyColumn}')) FROM generate_series(1, {count})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            for (var i = 0; await reader.ReadAsync(ct); i++)
            {
                ids[i] = reader.GetInt64(0);
            }

            return ids;
        }

        command.CommandText = $"SELECT COALESCE(MAX(\"{keyColumn}\"), 0) FROM \"{table}\"";
        var first = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        for (var i = 0; i < count; i++)
        {
            ids[i] = first + i;
        }

        return ids;
    }

    /// <summary>Inserts records of one type in the current transaction, with or without their keys.</summary>
    internal async Task WriteRowsAsync<TRecord>(IEntityType entityType, IReadOnlyList<TRecord> records, Func<TRecord, IProperty, object?> valueOf, bool withKey, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && (withKey || !p.IsPrimaryKey()))
            .ToList();
        var columns = properties.ConvertAll(p => new InsertColumn($"\"{p.GetColumnName(table)}\"", p.GetRelationalTypeMapping(), p.IsNullable));
        await using var insert = new MultiRowInsert(this, $"\"{table.Name}\"", columns);
        foreach (var record in records)
        {
            await insert.AddAsync(properties.ConvertAll(p => valueOf(record, p)), ct);
        }

        await insert.FlushAsync(ct);
    }

    private DbCommand CreateCommand()
    {
        var command = Database.GetDbConnection().CreateCommand();
        command.Transaction = Database.CurrentTransaction!.GetDbTransaction();
        return command;
    }
}
