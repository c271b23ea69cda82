using System.Globalization;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The texts of one language block of a PTDS alert.</summary>
public sealed record PtdsAlertText(string Event, string Headline, string Description, string? Instruction = null);

/// <summary>
/// Builds the alerts PTDS issues (profile in docs/cap.md): one &lt;info&gt; per language (vi-VN and
/// en-US required, km-KH optional) sharing the hazard, risk level, times and areas; areas by
/// polygon, circle or administrative-unit geocode; Update and Cancel through references.
/// Build() refuses an incomplete alert; CapValidator then judges the result as any other.
/// </summary>
public sealed class PtdsAlertBuilder(PtdsCapProfile profile, string identifier, DateTimeOffset sent)
{
    private readonly Dictionary<string, PtdsAlertText> _texts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<CapArea> _areas = [];
    private readonly List<CapReference> _references = [];
    private readonly List<CapResponseType> _responses = [];
    private CapMessageType _type = CapMessageType.Alert;
    private CapStatus _status = CapStatus.Actual;
    private PtdsHazard? _hazard;
    private int _riskLevel;
    private CapUrgency _urgency = CapUrgency.Expected;
    private CapCertainty _certainty = CapCertainty.Likely;
    private DateTimeOffset? _effective;
    private DateTimeOffset? _onset;
    private DateTimeOffset? _expires;
    private Uri? _web;
    private string? _note;

    public PtdsAlertBuilder Hazard(PtdsHazard hazard, int riskLevel)
    {
        _hazard = hazard;
        _riskLevel = riskLevel;
        return this;
    }

    /// <summary>Actual by default; Exercise for drills, Test for system tests.</summary>
    public PtdsAlertBuilder Status(CapStatus status)
    {
        _status = status;
        return this;
    }

    public PtdsAlertBuilder Urgency(CapUrgency urgency)
    {
        _urgency = urgency;
        return this;
    }

    public PtdsAlertBuilder Certainty(CapCertainty certainty)
    {
        _certainty = certainty;
        return this;
    }

    public PtdsAlertBuilder Respond(params CapResponseType[] responses)
    {
        _responses.AddRange(responses);
        return this;
    }

    public PtdsAlertBuilder Times(DateTimeOffset? effective = null, DateTimeOffset? onset = null, DateTimeOffset? expires = null)
    {
        (_effective, _onset, _expires) = (effective, onset, expires);
        return this;
    }

    /// <summary>The alert's stable public URL, given as &lt;web&gt; in every language.</summary>
    public PtdsAlertBuilder Web(Uri stableUrl)
    {
        _web = stableUrl;
        return this;
    }

    public PtdsAlertBuilder Note(string note)
    {
        _note = note;
        return this;
    }

    public PtdsAlertBuilder Text(string language, PtdsAlertText text)
    {
        _texts[language] = text;
        return this;
    }

    public PtdsAlertBuilder Polygon(string description, IEnumerable<CapPoint> ring)
    {
        var points = ring.ToList();
        if (points.Count > 0 && points[0] != points[^1])
        {
            points.Add(points[0]);
        }

        _areas.Add(new CapArea { Description = description, Polygons = [new CapPolygon(points)] });
        return this;
    }

    public PtdsAlertBuilder Circle(string description, CapPoint center, double radiusKm)
    {
        _areas.Add(new CapArea { Description = description, Circles = [new CapCircle(center, radiusKm)] });
        return this;
    }

    /// <summary>An area of whole administrative units by their official codes (mã đơn vị hành chính).</summary>
    public PtdsAlertBuilder Units(string description, IEnumerable<string> unitCodes)
    {
        _areas.Add(new CapArea { Description = description, Geocodes = [.. unitCodes.Select(c => new CapNamedValue(PtdsCapProfile.UnitCodeValueName, c))] });
        return this;
    }

    /// <summary>This alert replaces earlier ones: name the original and every update since.</summary>
    public PtdsAlertBuilder Updates(params CapReference[] earlier) => Refer(CapMessageType.Update, earlier);

    public PtdsAlertBuilder Cancels(params CapReference[] earlier) => Refer(CapMessageType.Cancel, earlier);

    public CapAlert Build()
    {
        var missing = new List<string>();
        missing.AddRange(PtdsCapProfile.RequiredLanguages.Where(l => !_texts.ContainsKey(l)).Select(l => $"the {l} text"));
        if (_hazard is null || _riskLevel is < 1 or > 5)
        {
            missing.Add("the hazard and a risk level 1-5");
        }

        if (_areas.Count == 0)
        {
            missing.Add("an area");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException("The alert is incomplete: " + string.Join(", ", missing) + ".");
        }

        var languages = PtdsCapProfile.RequiredLanguages.Concat(_texts.Keys.Where(k => !PtdsCapProfile.RequiredLanguages.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
        return new CapAlert
        {
            Identifier = identifier,
            Sender = profile.Sender,
            Sent = sent,
            Status = _status,
            MessageType = _type,
            Scope = CapScope.Public,
            Codes = [PtdsCapProfile.ProfileCode],
            Note = _note,
            References = [.. _references],
            Infos = [.. languages.Select(l => Info(l, _texts[l]))],
        };
    }

    private CapInfo Info(string language, PtdsAlertText text) => new()
    {
        Language = language,
        Categories = PtdsHazards.Categories(_hazard!.Value),
        Event = text.Event,
        ResponseTypes = _type == CapMessageType.Cancel && _responses.Count == 0 ? [CapResponseType.AllClear] : [.. _responses],
        Urgency = _urgency,
        Severity = PtdsHazards.Severity(_riskLevel),
        Certainty = _certainty,
        EventCodes = [new CapNamedValue(PtdsCapProfile.HazardValueName, _hazard.Value.ToString())],
        Effective = _effective,
        Onset = _onset,
        Expires = _expires,
        SenderName = profile.SenderNames.TryGetValue(language, out var name) ? name : profile.SenderNames.GetValueOrDefault("vi-VN"),
        Headline = text.Headline,
        Description = text.Description,
        Instruction = text.Instruction,
        Web = _web,
        Contact = profile.Contact,
        Parameters = [new CapNamedValue(PtdsCapProfile.RiskLevelValueName, _riskLevel.ToString(CultureInfo.InvariantCulture))],
        Areas = [.. _areas],
    };

    private PtdsAlertBuilder Refer(CapMessageType type, CapReference[] earlier)
    {
        _type = type;
        _references.AddRange(earlier);
        return this;
    }
}
