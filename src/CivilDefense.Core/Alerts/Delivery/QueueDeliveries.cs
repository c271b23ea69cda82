using System.Data.Common;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>One recipient on one channel, as targeting hands it over.</summary>
public sealed record DeliveryRequest(Guid RecipientId, string Channel, string Address, string Language, int? UnitId);

/// <summary>The alert's text for one channel and language.</summary>
public sealed record AlertMessage(string Channel, string Language, string? Subject, string Body);

/// <param name="IssuingUnitId">The unit issuing the alert: the actor must be allowed to act for it.</param>
public sealed record QueueDeliveriesCommand(Guid AlertId, int IssuingUnitId, IReadOnlyList<AlertMessage> Messages, IReadOnlyList<DeliveryRequest> Recipients);

public sealed record QueuedDeliveries(Guid AlertId, int Queued, int AlreadyQueued);

/// <summary>
/// Writes every delivery of an alert into the outbox before anything is sent. Running it again
/// for the same alert (after a crash half-way) adds only the deliveries that are missing.
/// </summary>
public sealed class QueueDeliveries(PtdsDbContext db)
{
    /// <summary>Connections copying batches at once on PostgreSQL: one per core, at most two (the server is the other half of the work).</summary>
    private static readonly int PostgresWriters = Math.Clamp(Environment.ProcessorCount, 1, 2);

    public async Task<Result<QueuedDeliveries>> HandleAsync(QueueDeliveriesCommand command, CancellationToken ct = default)
    {
        var unitPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == command.IssuingUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null || !db.Actor.Covers(unitPath))
        {
            return new NotFoundError("The issuing unit does not exist or is outside your scope.");
        }

        // Sending is part of issuing an alert: the same role table as the alert desk.
        if (!AccessPolicy.CanWrite(db.Actor, Resource.Alerts, unitPath))
        {
            return new ForbiddenError("You may not send alerts for this unit.");
        }

        if (Validate(command) is { } invalid)
        {
            return invalid;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var existing = await ExistingAsync(command.AlertId, ct);
            var postgres = db.Database.GetDbConnection() is NpgsqlConnection;
            var order = OutboxOrder.Of(command.Recipients, postgres ? OutboxPartitions.Count : 1, OutboxPartitions.Of, existing);
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await InsertMessagesAsync(command, transaction.GetDbTransaction(), ct);

                // One audit entry for the whole operation, not one per delivery: the outbox row is
                // itself the record of each delivery (when queued, each attempt, when sent), and two
                // million audit rows would triple the write and make the alert late. The trail
                // records the decision: who sent which alert to how many, from which unit.
                await AuditWriter.InsertAsync(db, [AuditEntryFor(command, order, existing.Count, unitPath, now)], ct);
                await transaction.CommitAsync(ct);
            }

            switch (db.Database.GetDbConnection())
            {
                case NpgsqlConnection connection:
                    await OutboxWriter.WritePostgresAsync(connection, db.Database.GetConnectionString()!, command.AlertId, command.Recipients, order, now, PostgresWriters, ct);
                    break;
                case SqliteConnection sqlite:
                    await OutboxWriter.WriteSqliteAsync(sqlite, command.AlertId, command.Recipients, order.Positions, now, ct);
                    break;
                default:
                    throw new InvalidOperationException("The outbox needs PostgreSQL or SQLite.");
            }

            return new QueuedDeliveries(command.AlertId, order.Count, existing.Count);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static ValidationError? Validate(QueueDeliveriesCommand command)
    {
        if (command.AlertId == Guid.Empty)
        {
            return ValidationError.ForField("alertId", "The alert id is required.");
        }

        foreach (var message in command.Messages)
        {
            if (string.IsNullOrWhiteSpace(message.Channel) || message.Channel.Length > 64 || string.IsNullOrWhiteSpace(message.Language) || message.Language.Length > 16)
            {
                return ValidationError.ForField("messages", "Every message needs a channel (at most 64 characters) and a language tag (at most 16).");
            }

            if (string.IsNullOrWhiteSpace(message.Body) || (message.Subject?.Length ?? 0) > 500)
            {
                return ValidationError.ForField("messages", $"The {message.Channel}/{message.Language} message needs a text and a subject of at most 500 characters.");
            }
        }

        var channels = command.Messages.Select(m => m.Channel).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < command.Recipients.Count; i++)
        {
            var r = command.Recipients[i];
            if (!channels.Contains(r.Channel))
            {
                return ValidationError.ForField($"recipients[{i}].channel", $"No message for channel '{r.Channel}'.");
            }

            if (string.IsNullOrWhiteSpace(r.Address) || r.Address.Length > 500 || r.Language.Length is 0 or > 16)
            {
                return ValidationError.ForField($"recipients[{i}]", "An address (at most 500 characters) and a language tag (at most 16) are required.");
            }
        }

        return null;
    }

    /// <summary>The deliveries of this alert already in the outbox (empty on the first run).</summary>
    private async Task<HashSet<(Guid, string)>> ExistingAsync(Guid alertId, CancellationToken ct)
    {
        var sqlite = !db.Database.IsNpgsql();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT \"RecipientId\", \"Channel\" FROM deliveries WHERE \"AlertId\" = @alert";
        AddParameter(command, "@alert", sqlite ? SqliteOutboxStore.Text(alertId) : alertId);
        var existing = new HashSet<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            existing.Add((sqlite ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0), reader.GetString(1)));
        }

        return existing;
    }

    private async Task InsertMessagesAsync(QueueDeliveriesCommand command, DbTransaction transaction, CancellationToken ct)
    {
        var sqlite = !db.Database.IsNpgsql();
        foreach (var message in command.Messages)
        {
            await using var insert = db.Database.GetDbConnection().CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO delivery_messages (\"AlertId\", \"Channel\", \"Language\", \"Subject\", \"Body\") VALUES (@alert, @channel, @language, @subject, @body) "
                + "ON CONFLICT (\"AlertId\", \"Channel\", \"Language\") DO NOTHING";
            AddParameter(insert, "@alert", sqlite ? SqliteOutboxStore.Text(command.AlertId) : command.AlertId);
            AddParameter(insert, "@channel", message.Channel);
            AddParameter(insert, "@language", message.Language);
            AddParameter(insert, "@subject", message.Subject);
            AddParameter(insert, "@body", message.Body);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private AuditEntry AuditEntryFor(QueueDeliveriesCommand command, OutboxOrder order, int alreadyQueued, string unitPath, DateTime now) => new()
    {
        At = now,
        Actor = db.Actor.TokenId is null ? db.Actor.Name : "token:" + db.Actor.Name,
        ActorUserId = db.Actor.UserId,
        Action = "Queue",
        EntityType = nameof(Delivery),
        EntityId = command.AlertId.ToString(),
        UnitId = command.IssuingUnitId,
        UnitPath = unitPath,
        After = JsonSerializer.Serialize(new
        {
            command.AlertId,
            Queued = order.Count,
            AlreadyQueued = alreadyQueued,
            order.Channels,
            Languages = command.Messages.Select(m => m.Channel + "/" + m.Language).ToArray(),
        }),
    };

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
