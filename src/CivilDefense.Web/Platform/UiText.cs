using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace CivilDefense.Web.Platform;

/// <summary>
/// The UI's words. Keys are the English text; Resources/i18n/*.vi.json give the Vietnamese, the
/// default language. JSON files (one per feature) are easier for translators to review than .resx,
/// and a test checks that every key used in a page has a Vietnamese entry.
/// </summary>
public sealed class UiText
{
    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    private readonly FrozenDictionary<string, string> _vietnamese;

    public UiText(FrozenDictionary<string, string> vietnamese) => _vietnamese = vietnamese;

    public IReadOnlyDictionary<string, string> VietnameseEntries => _vietnamese;

    /// <summary>"vi" or "en": the language of the current request, for lang attributes and switches.</summary>
    public string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi" ? "vi" : "en";

    /// <summary>The text in the request's UI language; English falls back to the key itself.</summary>
    public string this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "vi" && _vietnamese.TryGetValue(key, out var vi) ? vi : key;

    /// <summary>Formatted text, e.g. L.Format("{0} communes", n).</summary>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public static UiText LoadEmbedded()
    {
        var assembly = typeof(UiText).Assembly;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("i18n.", StringComparison.Ordinal) && n.EndsWith(".vi.json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Empty translation file {name}.");
            foreach (var (key, value) in file)
            {
                if (!entries.TryAdd(key, value) && entries[key] != value)
                {
                    throw new InvalidOperationException($"'{key}' is translated differently in two files ({name}).");
                }
            }
        }

        return new UiText(entries.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
