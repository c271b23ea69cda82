using System.Globalization;
using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Issuing;

namespace CivilDefense.Core.Alerts.Feeds;

/// <summary>
/// Turns one alert element from a neighbour into a <see cref="ReceivedAlert"/> (pure): the key
/// fields are read from the XML itself, so an alert the model cannot be built from (invalid) is
/// still kept, with its findings, as long as it names its sender, identifier and sent time.
/// </summary>
public static class ReceivedAlertReader
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    /// <summary>Null and a reason when the element lacks what identifies a CAP message.</summary>
    public static ReceivedAlert? Read(XElement element, CapReading reading, string sourceUrl, out string? problem)
    {
        string? Text(string name) => element.Element(Cap + name)?.Value.Trim();
        var (sender, identifier, sent) = (Text("sender"), Text("identifier"), Text("sent"));
        if (string.IsNullOrEmpty(sender) || string.IsNullOrEmpty(identifier) || string.IsNullOrEmpty(sent))
        {
            problem = $"{sourceUrl}: an alert without sender, identifier or sent was skipped";
            return null;
        }

        problem = null;
        var parsed = CapTime.TryParse(sent, out var time) ? time : (DateTimeOffset?)null;
        var model = reading.Alert;
        var info = model?.Infos.FirstOrDefault(i => i.Language.StartsWith("vi", StringComparison.OrdinalIgnoreCase)) ?? model?.Infos.FirstOrDefault();
        var hazardCode = model?.Infos.SelectMany(i => i.EventCodes).FirstOrDefault(c => c.ValueName == PtdsCapProfile.HazardValueName)?.Value;
        var level = model?.Infos.SelectMany(i => i.Parameters).FirstOrDefault(c => c.ValueName == PtdsCapProfile.RiskLevelValueName)?.Value;
        return new ReceivedAlert
        {
            RiskLevel = int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l is >= 1 and <= 5 ? l : null,
            Sender = Clip(sender, 200),
            Identifier = Clip(identifier, 200),
            SentText = Clip(sent, 64),
            SentKey = parsed is { } p ? p.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : Clip(sent, 64),
            SentUtc = parsed?.UtcDateTime,
            Status = Clip(Text("status"), 32),
            MessageType = Clip(Text("msgType"), 32),
            Event = Clip(info?.Event, 200),
            Hazard = Enum.TryParse<PtdsHazard>(hazardCode, out var hazard) && Enum.IsDefined(hazard) ? hazard : null,
            Severity = info?.Severity.ToString(),
            Headline = Clip(info?.Headline, 500),
            AreasJson = AlertJson.Write(Areas(model)),
            TextsJson = AlertJson.Write(Texts(model)),
            CapXml = element.ToString(SaveOptions.DisableFormatting),
            FindingsJson = AlertJson.Write(reading.Findings),
            ErrorCount = reading.Findings.Count(f => f.Severity == CapFindingSeverity.Error),
            WarningCount = reading.Findings.Count(f => f.Severity == CapFindingSeverity.Warning),
            Signature = reading.Signature.Status.ToString(),
            SourceUrl = Clip(sourceUrl, 2000)!,
        };
    }

    /// <summary>The areas of the first info block that has any (info blocks per language repeat them).</summary>
    private static AlertAreaSet Areas(CapAlert? model)
    {
        var areas = model?.Infos.Select(i => i.Areas).FirstOrDefault(a => a.Count > 0) ?? [];
        return new AlertAreaSet
        {
            Description = Clip(string.Join("; ", areas.Select(a => a.Description)), 500) ?? "",
            Units = [.. areas.SelectMany(a => a.Geocodes).Where(g => g.ValueName == PtdsCapProfile.UnitCodeValueName).Select(g => new AlertUnit(0, g.Value, g.Value))],
            Polygons = [.. areas.SelectMany(a => a.Polygons).Select(p => (IReadOnlyList<double[]>)[.. p.Points.Select(x => new[] { x.Latitude, x.Longitude })])],
            Circles = [.. areas.SelectMany(a => a.Circles).Select(c => new AlertCircle(c.Center.Latitude, c.Center.Longitude, c.RadiusKm))],
        };
    }

    /// <summary>Texts by the two PTDS languages and Khmer, matched on the language prefix.</summary>
    private static AlertTexts Texts(CapAlert? model)
    {
        var texts = new Dictionary<string, AlertText>();
        foreach (var (prefix, tag) in new[] { ("vi", "vi-VN"), ("en", "en-US"), ("km", "km-KH") })
        {
            if (model?.Infos.FirstOrDefault(i => i.Language.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } info)
            {
                texts[tag] = new AlertText(info.Headline ?? info.Event, info.Description ?? "", info.Instruction);
            }
        }

        return new AlertTexts { ByLanguage = texts };
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Clip(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..max];
}
