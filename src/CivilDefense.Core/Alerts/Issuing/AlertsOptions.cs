namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>The deployment's CAP settings (section "Alerts" of the configuration).</summary>
public sealed class AlertsOptions
{
    /// <summary>The province's PTDS address: the CAP sender of everything it issues (no spaces or commas).</summary>
    public string Sender { get; set; } = "ptds@tayninh.gov.vn";

    /// <summary>Official code of the deployment's province: the default choice for users above it (a national administrator).</summary>
    public string ProvinceCode { get; set; } = "80";

    /// <summary>The duty line given as &lt;contact&gt;.</summary>
    public string? Contact { get; set; }

    /// <summary>Offset of the times PTDS writes (Vietnam: +07:00, no daylight saving).</summary>
    public double UtcOffsetHours { get; set; } = 7;

    /// <summary>Where the public alert URLs live; null: the address the request came to.</summary>
    public Uri? PublicBaseUrl { get; set; }
}
