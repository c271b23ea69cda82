namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>One message as a channel sends it: the delivery's address and key with the alert's text.</summary>
public sealed record OutgoingMessage(
    Guid AlertId,
    Guid RecipientId,
    string Address,
    string Language,
    string IdempotencyKey,
    string? Subject,
    string Body);

public enum SendStatus
{
    Sent,

    /// <summary>Worth trying again later (timeout, 5xx, 429, SMTP 4xx).</summary>
    Transient,

    /// <summary>Refused for good (bad address, 4xx, SMTP 5xx).</summary>
    Rejected,
}

public readonly record struct SendResult(SendStatus Status, string? Error = null)
{
    public static SendResult Sent { get; } = new(SendStatus.Sent);

    public static SendResult Transient(string error) => new(SendStatus.Transient, error);

    public static SendResult Rejected(string error) => new(SendStatus.Rejected, error);
}

/// <summary>A way to reach people: an SMS gateway, an SMTP server, a webhook receiver.</summary>
public interface IDeliveryChannel
{
    /// <summary>Sends one message. Failures come back as results; only cancellation throws.</summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>A channel whose gateway takes many messages per request.</summary>
public interface IBatchingDeliveryChannel : IDeliveryChannel
{
    int MaxBatchSize { get; }

    /// <summary>Sends up to <see cref="MaxBatchSize"/> messages; one result per message, in order.</summary>
    Task<IReadOnlyList<SendResult>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken ct);
}
