using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// Turns a pending registration into an active subscription when the code matches. Confirming
/// twice is no error. Five wrong codes void the outstanding one (a new registration sends another),
/// so six digits cannot be guessed through the page.
/// </summary>
public sealed class ConfirmSubscription(PtdsDbContext db, SubscriberKeys keys)
{
    public const int MaxAttempts = 5;

    public sealed record Input(
        [property: Range(1, int.MaxValue)] int SubscriberId,
        [property: Required, RegularExpression("^[0-9]{6}$")] string Code);

    public sealed record Confirmed(int SubscriberId, string UnsubscribeToken);

    public async Task<Result<Confirmed>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        // No login here: the record is found by id and proven by the code, whatever the actor's scope.
        var subscriber = await db.Subscribers.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == input.SubscriberId, ct);
        if (subscriber is { Status: SubscriberStatus.Active, ConfirmedAt: not null })
        {
            return new Confirmed(subscriber.Id, keys.UnsubscribeToken(subscriber.Id));
        }

        if (subscriber is not { Status: SubscriberStatus.Pending, ConfirmationHash: { } hash })
        {
            return new NotFoundError("There is no registration waiting for this code.");
        }

        if (subscriber.ConfirmationAttempts >= MaxAttempts || subscriber.ConfirmationExpiresAt < db.Clock.GetUtcNow().UtcDateTime)
        {
            return ValidationError.ForField(nameof(Input.Code), "The code has expired or was tried too often; register again for a new one.");
        }

        if (!keys.CodeMatches(subscriber.Id, input.Code, hash))
        {
            subscriber.ConfirmationAttempts++;
            await db.SaveChangesAsync(ct);
            return ValidationError.ForField(nameof(Input.Code), "The code is not right.");
        }

        subscriber.Status = SubscriberStatus.Active;
        subscriber.ConfirmedAt = db.Clock.GetUtcNow().UtcDateTime;
        subscriber.ConfirmationHash = null;
        subscriber.ConfirmationExpiresAt = null;
        await db.SaveChangesAsync(ct);
        return new Confirmed(subscriber.Id, keys.UnsubscribeToken(subscriber.Id));
    }
}
