namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// Where one (alert, recipient, channel) delivery stands. The row is written as
/// <see cref="Queued"/> before anything is sent, so a crash can only leave it queued or sending,
/// and both are picked up again.
/// </summary>
public enum DeliveryState
{
    /// <summary>Written, not yet claimed by a dispatcher.</summary>
    Queued,

    /// <summary>Claimed by a dispatcher under a lease; resumed by another when the lease expires.</summary>
    Sending,

    /// <summary>The gateway accepted it (terminal).</summary>
    Sent,

    /// <summary>The gateway refused it for good, e.g. an invalid number (terminal; retrying cannot help).</summary>
    Failed,

    /// <summary>A transient failure; waits for its next attempt time (exponential backoff with jitter).</summary>
    Retried,

    /// <summary>Transient failures on every one of the allowed attempts (terminal).</summary>
    Dead,
}

/// <summary>
/// One row of the outbox (hộp thư đi): what goes to whom through which channel, and how far it got.
/// The message text is not here but once per alert, channel and language in
/// <see cref="DeliveryMessage"/>: two million copies of the same text would be most of the write.
/// The key is (alert, recipient, channel) itself (migration 0014): a generated id was a second
/// index to write per row and nothing outside the outbox used it.
/// </summary>
public sealed class Delivery
{
    public Guid AlertId { get; set; }

    public Guid RecipientId { get; set; }

    /// <summary>The configured channel (gateway) name, e.g. "sms", "email", "webhook".</summary>
    public string Channel { get; set; } = "";

    /// <summary>Phone number, e-mail address or webhook URL.</summary>
    public string Address { get; set; } = "";

    public string Language { get; set; } = "";

    /// <summary>The recipient's commune (xã/phường), for the delivery board and for escalation by unit.</summary>
    public int? UnitId { get; set; }

    public DeliveryState State { get; set; }

    /// <summary>Attempts started (counted at claim, so a delivery that crashes its sender also runs out).</summary>
    public int Attempts { get; set; }

    public DateTime QueuedAt { get; set; }

    /// <summary>When the row may be claimed: the queue time, the retry time, or the lease expiry while sending.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>
    /// The retry time while <see cref="DeliveryState.Retried"/>, null otherwise: the only indexed
    /// column a claim or an outcome writes, so the index holds the few waiting retries and the
    /// claim and outcome of every other delivery change no index (PostgreSQL updates them in place).
    /// </summary>
    public DateTime? RetryAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// Derived from alert, recipient and channel (<see cref="DeliveryKeys"/>); receivers drop a repeat.
    /// Computed, not stored (migration 0012): the same three columns always give the same key.
    /// </summary>
    public string IdempotencyKey => DeliveryKeys.IdempotencyKey(AlertId, RecipientId, Channel);

    public DeliveryKey Key => new(AlertId, RecipientId, Channel);
}

/// <summary>What names one delivery: each (alert, recipient, channel) once (the outbox's primary key).</summary>
public readonly record struct DeliveryKey(Guid AlertId, Guid RecipientId, string Channel);

/// <summary>
/// An alert with deliveries in the outbox, one row per alert: where dispatchers look for queued
/// deliveries (in key order from a cursor, instead of an index over every unfinished row).
/// <see cref="Version"/> grows with every committed batch, so a dispatcher whose cursor went past
/// rows committed later starts that alert over; <see cref="Open"/> turns false once no delivery of
/// the alert is left unfinished.
/// </summary>
public sealed class DeliveryAlert
{
    public Guid AlertId { get; set; }

    public long Version { get; set; }

    public bool Open { get; set; }
}

/// <summary>The text of one alert for one channel and language, stored once and shared by every delivery.</summary>
public sealed class DeliveryMessage
{
    public int Id { get; set; }

    public Guid AlertId { get; set; }

    public string Channel { get; set; } = "";

    public string Language { get; set; } = "";

    /// <summary>E-mail subject or webhook title; SMS has none.</summary>
    public string? Subject { get; set; }

    public string Body { get; set; } = "";
}
