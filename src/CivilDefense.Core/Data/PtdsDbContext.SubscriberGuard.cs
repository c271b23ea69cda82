using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilDefense.Core.Data;

/// <summary>Write-guard rules of alert subscribers (issue 5), kept apart from the foundation's.</summary>
public sealed partial class PtdsDbContext
{
    /// <summary>What the public may change of a subscription: the confirmation and unsubscribe state, nothing else.</summary>
    private static readonly HashSet<string> SelfServiceProperties =
    [
        nameof(Subscriber.Status), nameof(Subscriber.ConfirmationHash), nameof(Subscriber.ConfirmationExpiresAt),
        nameof(Subscriber.ConfirmationAttempts), nameof(Subscriber.ConfirmedAt), nameof(Subscriber.UnsubscribedAt),
        nameof(Subscriber.UpdatedAt), nameof(Subscriber.Version),
    ];

    /// <summary>
    /// A subscriber belongs to its commune (or its organisation's unit) and, for a duty contact, to
    /// its organisation, so a liaison keeps its own organisation's contacts. Every write stamps
    /// <see cref="Subscriber.UpdatedAt"/>, which the targeting index watches.
    /// </summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)> DescribeSubscriberAsync(EntityEntry entry, Subscriber subscriber, CancellationToken ct)
    {
        if (entry.State is EntityState.Added or EntityState.Modified)
        {
            subscriber.UpdatedAt = Clock.GetUtcNow().UtcDateTime;
        }

        var paths = await PathsAsync(entry, nameof(Subscriber.UnitId), ct);
        var organization = entry.State == EntityState.Modified
            ? (int?)entry.Property(nameof(Subscriber.OrganizationId)).OriginalValue
            : subscriber.OrganizationId;
        if (entry.State == EntityState.Modified && organization != subscriber.OrganizationId
            && !AccessPolicy.CanWrite(Actor, Resource.Subscribers, paths[^1], subscriber.OrganizationId))
        {
            throw new AccessDeniedException($"{Actor.Name} may not hand this contact to another organisation.");
        }

        return (Resource.Subscribers, paths, organization);
    }

    /// <summary>
    /// The public registration page and the links in messages act without a login: they may add
    /// a pending resident and move a subscription through confirmation and unsubscription, and
    /// nothing more. The handlers check the code or the signed link before they get here.
    /// </summary>
    private static bool IsSubscriberSelfService(EntityEntry entry) => entry switch
    {
        { State: EntityState.Added, Entity: Subscriber s } =>
            s is { Kind: SubscriberKind.Resident, Origin: SubscriberOrigin.SelfRegistered, Status: SubscriberStatus.Pending, ConfirmedAt: null, OrganizationId: null, IsDutyOfficer: false, WebhookUrl: null },
        { State: EntityState.Modified, Entity: Subscriber s } =>
            entry.Properties.Where(p => p.IsModified).All(p => SelfServiceProperties.Contains(p.Metadata.Name))
            && ((SubscriberStatus)entry.Property(nameof(Subscriber.Status)).OriginalValue!, s.Status) is
                (SubscriberStatus.Pending, SubscriberStatus.Pending or SubscriberStatus.Active) or (_, SubscriberStatus.Unsubscribed),
        _ => false,
    };
}
