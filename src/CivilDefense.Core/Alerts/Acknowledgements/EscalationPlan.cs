namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>One duty contact of an organisation, in escalation order.</summary>
public sealed record DutyContactRef(int SubscriberId, int OrganizationId, int? ContactOrder);

/// <summary>What an organisation's state for one alert is, as the escalation step reads it.</summary>
/// <param name="Contacts">The organisation's active contacts, in escalation order.</param>
/// <param name="Reached">Contacts with a delivery of this alert.</param>
/// <param name="FirstQueuedAt">When the alert was first queued to the organisation.</param>
/// <param name="LastStep">The last escalation step taken (0: none), its time and the contact it went to.</param>
public sealed record OrganizationAlertState(
    IReadOnlyList<DutyContactRef> Contacts, IReadOnlySet<int> Reached, DateTime FirstQueuedAt, bool Acknowledged,
    int LastStep, DateTime? LastStepAt, int? LastStepContactId);

/// <summary>The step to take now: its number and the next contact (null: none left, the duty officer only).</summary>
public sealed record EscalationStep(int Step, int? NextContactId);

/// <summary>
/// Decides escalation (pure, no I/O): an organisation that has not acknowledged within the
/// window since it was reached (or since the last step) goes one step further: to the next
/// contact in order after the last one it was sent to, and to the duty officer. After the step
/// that found no contact left, nothing more happens: the duty officer already knows.
/// </summary>
public static class EscalationPlan
{
    public static EscalationStep? Next(OrganizationAlertState state, DateTime now, TimeSpan window)
    {
        if (state.Acknowledged || state.Contacts.Count == 0)
        {
            return null;
        }

        if (state.LastStep > 0 && state.LastStepContactId is null)
        {
            return null;
        }

        var since = state.LastStepAt ?? state.FirstQueuedAt;
        if (now - since < window)
        {
            return null;
        }

        // After the last contact a step went to; before any step, after the last contact targeting reached.
        var after = state.LastStepContactId is { } last
            ? IndexOf(state.Contacts, last)
            : LastIndexWhere(state.Contacts, c => state.Reached.Contains(c.SubscriberId));
        var next = after + 1 < state.Contacts.Count ? state.Contacts[after + 1].SubscriberId : (int?)null;
        return new EscalationStep(state.LastStep + 1, next);
    }

    private static int IndexOf(IReadOnlyList<DutyContactRef> contacts, int subscriberId)
    {
        for (var i = 0; i < contacts.Count; i++)
        {
            if (contacts[i].SubscriberId == subscriberId)
            {
                return i;
            }
        }

        // The contact left the list since: go on from the end, i.e. no one further.
        return contacts.Count - 1;
    }

    private static int LastIndexWhere(IReadOnlyList<DutyContactRef> contacts, Func<DutyContactRef, bool> predicate)
    {
        for (var i = contacts.Count - 1; i >= 0; i--)
        {
            if (predicate(contacts[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
