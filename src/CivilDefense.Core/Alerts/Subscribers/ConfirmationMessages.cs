namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// A confirmation code on its way to a new subscriber, with their unsubscribe token so the first
/// message already carries the way out.
/// </summary>
public sealed record ConfirmationMessage(int SubscriberId, string Name, string? Phone, string? Email, string Language, string Code, string UnsubscribeToken);

/// <summary>
/// Sends confirmation codes. The delivery outbox (Alerts/Delivery) will implement this by queueing
/// an SMS or e-mail; until then the host's implementation only writes it to the log, and shows
/// the code there in development only.
/// </summary>
public interface IConfirmationSender
{
    Task SendAsync(ConfirmationMessage message, CancellationToken ct);
}
