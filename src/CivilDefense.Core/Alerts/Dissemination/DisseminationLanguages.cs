using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Subscribers;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>Which &lt;info&gt; block a subscriber reads: their language if the alert has it, else Vietnamese.</summary>
public static class DisseminationLanguages
{
    public const string Fallback = "vi-VN";

    /// <summary>The CAP tag of a subscriber's language (vi, en, km).</summary>
    public static string TagOf(string subscriberLanguage) => subscriberLanguage switch
    {
        SubscriberLanguages.English => "en-US",
        SubscriberLanguages.Khmer => "km-KH",
        _ => "vi-VN",
    };

    /// <summary>
    /// The block for <paramref name="subscriberLanguage"/>: the exact tag, then any block of the same
    /// primary language (a relayed alert may say "en"), then vi-VN, then any Vietnamese, then the first.
    /// </summary>
    public static CapInfo? Choose(IReadOnlyList<CapInfo> infos, string subscriberLanguage) =>
        Find(infos, TagOf(subscriberLanguage)) ?? Find(infos, Fallback) ?? infos.FirstOrDefault();

    /// <summary>
    /// Whether the words PTDS puts around a text in this language are Vietnamese. Khmer and every
    /// other language get the English ones: the words around the province's own Khmer text are few,
    /// and a wrong Khmer label would be worse than an English one.
    /// </summary>
    public static bool HasVietnameseLabels(string language) => language.StartsWith("vi", StringComparison.OrdinalIgnoreCase);

    private static CapInfo? Find(IReadOnlyList<CapInfo> infos, string tag)
    {
        var primary = tag.Split('-')[0];
        return infos.FirstOrDefault(i => string.Equals(i.Language, tag, StringComparison.OrdinalIgnoreCase))
            ?? infos.FirstOrDefault(i => string.Equals(i.Language.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase));
    }
}
