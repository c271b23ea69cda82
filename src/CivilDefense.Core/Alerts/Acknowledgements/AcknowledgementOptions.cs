namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>Acknowledgement and escalation settings, in the "Alerts" section beside the CAP settings.</summary>
public sealed class AcknowledgementOptions
{
    /// <summary>Minutes an organisation has to acknowledge before its next contact and the duty officer are told (the province's default: 15).</summary>
    public int AcknowledgeWithinMinutes { get; set; } = 15;

    /// <summary>How often the escalation step looks for overdue organisations.</summary>
    public int EscalationCheckSeconds { get; set; } = 30;

    /// <summary>Where acknowledgement links point; null: http://localhost (set it in production).</summary>
    public Uri? PublicBaseUrl { get; set; }

    public TimeSpan AcknowledgeWithin => TimeSpan.FromMinutes(AcknowledgeWithinMinutes);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (AcknowledgeWithinMinutes is < 1 or > 24 * 60)
        {
            errors.Add("Alerts:AcknowledgeWithinMinutes must be 1-1440.");
        }

        if (EscalationCheckSeconds is < 1 or > 3600)
        {
            errors.Add("Alerts:EscalationCheckSeconds must be 1-3600.");
        }

        return errors;
    }
}
