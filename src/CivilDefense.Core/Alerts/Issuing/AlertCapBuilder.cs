using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>
/// Turns a stored PTDS message into CAP through <see cref="PtdsAlertBuilder"/> (pure, no I/O):
/// used for the preview of a draft and for the message published at issue.
/// </summary>
public static class AlertCapBuilder
{
    /// <summary>Hazard names in the two required languages: the &lt;event&gt; of each info block.</summary>
    public static string EventName(PtdsHazard hazard, string language) =>
        language.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? HazardNames.Vietnamese(hazard) : HazardNames.English(hazard);

    /// <summary>What is missing before the message can be built at all (the validator judges the rest).</summary>
    public static IReadOnlyList<string> Missing(IssuedAlert alert)
    {
        var missing = new List<string>();
        if (alert.Hazard is null || alert.RiskLevel is < 1 or > 5)
        {
            missing.Add("hazard and risk level 1-5");
        }

        if (alert.Areas.IsEmpty)
        {
            missing.Add("an area");
        }

        var texts = alert.Texts;
        missing.AddRange(PtdsCapProfile.RequiredLanguages
            .Where(l => texts.Of(l) is not { Headline.Length: > 0, Description.Length: > 0 })
            .Select(l => $"the {l} headline and description"));
        return missing;
    }

    public static CapAlert Build(IssuedAlert alert, PtdsCapProfile profile, string identifier, DateTimeOffset sent, Uri? web, IReadOnlyList<CapReference> references)
    {
        var builder = new PtdsAlertBuilder(profile, identifier, sent)
            .Hazard(alert.Hazard!.Value, alert.RiskLevel)
            .Status(alert.Status)
            .Urgency(alert.Urgency)
            .Certainty(alert.Certainty);
        if (alert.ExpiresUtc is { } expires)
        {
            builder.Times(expires: new DateTimeOffset(DateTime.SpecifyKind(expires, DateTimeKind.Utc)).ToOffset(sent.Offset));
        }

        if (web is not null)
        {
            builder.Web(web);
        }

        if (!string.IsNullOrWhiteSpace(alert.Note))
        {
            builder.Note(alert.Note);
        }

        foreach (var (language, text) in alert.Texts.ByLanguage)
        {
            builder.Text(language, new PtdsAlertText(EventName(alert.Hazard.Value, language), text.Headline, text.Description, string.IsNullOrWhiteSpace(text.Instruction) ? null : text.Instruction));
        }

        var areas = alert.Areas;
        var description = string.IsNullOrWhiteSpace(areas.Description) ? "Khu vực cảnh báo" : areas.Description;
        if (areas.Units.Count > 0)
        {
            builder.Units(string.Join(", ", areas.Units.Select(u => u.Name)), areas.Units.Select(u => u.Code));
        }

        foreach (var ring in areas.Polygons)
        {
            builder.Polygon(description, ring.Select(p => new CapPoint(p[0], p[1])));
        }

        foreach (var circle in areas.Circles)
        {
            builder.Circle(description, new CapPoint(circle.Latitude, circle.Longitude), circle.RadiusKm);
        }

        switch (alert.MessageType)
        {
            case CapMessageType.Update:
                builder.Updates([.. references]);
                break;
            case CapMessageType.Cancel:
                builder.Cancels([.. references]);
                break;
        }

        var built = builder.Build();

        // A relayed Alert names its source in references too (CAP allows references on any type).
        return alert.MessageType == CapMessageType.Alert && references.Count > 0 ? built with { References = [.. references] } : built;
    }
}
