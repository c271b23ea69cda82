using System.Text.Json;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>A commune (or other unit) named in an alert's area, by id and official code.</summary>
public sealed record AlertUnit(int Id, string Code, string Name);

/// <summary>A circle: centre and radius in km.</summary>
public sealed record AlertCircle(double Latitude, double Longitude, double RadiusKm);

/// <summary>
/// The area of an alert: whole units (sent as VN_MA_DVHC geocodes) and/or drawn shapes. Each
/// kind becomes one CAP &lt;area&gt; (see <see cref="AlertCapBuilder"/>).
/// </summary>
public sealed record AlertAreaSet
{
    public string Description { get; init; } = "";

    public IReadOnlyList<AlertUnit> Units { get; init; } = [];

    /// <summary>Rings of [latitude, longitude] pairs.</summary>
    public IReadOnlyList<IReadOnlyList<double[]>> Polygons { get; init; } = [];

    public IReadOnlyList<AlertCircle> Circles { get; init; } = [];

    public bool IsEmpty => Units.Count == 0 && Polygons.Count == 0 && Circles.Count == 0;
}

/// <summary>Headline, description and instruction of one language (the event name is the hazard's).</summary>
public sealed record AlertText(string Headline, string Description, string? Instruction = null);

/// <summary>The texts of an alert by language tag.</summary>
public sealed record AlertTexts
{
    public IReadOnlyDictionary<string, AlertText> ByLanguage { get; init; } = new Dictionary<string, AlertText>();

    public AlertText? Of(string language) => ByLanguage.TryGetValue(language, out var t) ? t : null;
}

/// <summary>The JSON columns of an alert, with one set of options so both providers store the same text.</summary>
public static class AlertJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static AlertAreaSet Areas(string json) => JsonSerializer.Deserialize<AlertAreaSet>(json, Options) ?? new AlertAreaSet();

    public static AlertTexts Texts(string json) => JsonSerializer.Deserialize<AlertTexts>(json, Options) ?? new AlertTexts();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static IReadOnlyList<CapFinding> Findings(string json) => JsonSerializer.Deserialize<List<CapFinding>>(json, Options) ?? [];
}

/// <summary>What the issuing side calls once a message is published: the delivery side implements it.</summary>
public interface IAlertIssuedHandler
{
    Task OnIssuedAsync(IssuedAlert alert, CancellationToken ct);
}
