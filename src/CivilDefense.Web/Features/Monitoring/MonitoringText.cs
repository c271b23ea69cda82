using System.Globalization;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>Monitoring words and numbers as pages show them (Vietnamese formats by the request's culture).</summary>
public static class MonitoringText
{
    public static string Metres(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) + " m" : "–";

    public static string Of(Hazard hazard, UiText l) => hazard switch
    {
        Hazard.Flood => l["Flood"],
        Hazard.HeavyRain => l["Heavy rain"],
        _ => l["Concurrent hazards"],
    };

    public static string Of(WarningStatus status, UiText l) => status switch
    {
        WarningStatus.Draft => l["Draft"],
        WarningStatus.Ready => l["Ready to issue"],
        WarningStatus.Issued => l["Issued"],
        _ => l["Dismissed"],
    };

    /// <summary>The explanation in the page's language (both are stored).</summary>
    public static string Explanation(DraftWarningView w, UiText l) => l.Language == "vi" ? w.ExplanationVi : w.ExplanationEn;
}
