namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// An &lt;info&gt; block: the event described in one language. An alert in several languages
/// carries one block per language with the same event, areas and times.
/// </summary>
public sealed record CapInfo
{
    /// <summary>RFC 3066 tag; CAP's default when the element is absent is en-US.</summary>
    public string Language { get; init; } = "en-US";

    public required IReadOnlyList<CapCategory> Categories { get; init; }

    /// <summary>The text denoting the type of the subject event, in this block's language.</summary>
    public required string Event { get; init; }

    public IReadOnlyList<CapResponseType> ResponseTypes { get; init; } = [];

    public required CapUrgency Urgency { get; init; }

    public required CapSeverity Severity { get; init; }

    public required CapCertainty Certainty { get; init; }

    public string? Audience { get; init; }

    public IReadOnlyList<CapNamedValue> EventCodes { get; init; } = [];

    public DateTimeOffset? Effective { get; init; }

    public DateTimeOffset? Onset { get; init; }

    public DateTimeOffset? Expires { get; init; }

    public string? SenderName { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    /// <summary>A page with more information (PTDS: the alert's stable public URL).</summary>
    public Uri? Web { get; init; }

    public string? Contact { get; init; }

    public IReadOnlyList<CapNamedValue> Parameters { get; init; } = [];

    public IReadOnlyList<CapResource> Resources { get; init; } = [];

    public IReadOnlyList<CapArea> Areas { get; init; } = [];
}

/// <summary>A &lt;resource&gt;: a file (image, audio, document) that supplements the info.</summary>
public sealed record CapResource
{
    public required string Description { get; init; }

    public required string MimeType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    public Uri? Uri { get; init; }

    /// <summary>The content itself, base64 — for links that may not be reachable.</summary>
    public string? DerefUri { get; init; }

    /// <summary>SHA-1 of the content, hex.</summary>
    public string? Digest { get; init; }
}

/// <summary>
/// An &lt;area&gt;: where the event applies, as any mix of polygons, circles and geocodes, with an
/// optional vertical extent (feet above sea level, as CAP defines it).
/// </summary>
public sealed record CapArea
{
    public required string Description { get; init; }

    public IReadOnlyList<CapPolygon> Polygons { get; init; } = [];

    public IReadOnlyList<CapCircle> Circles { get; init; } = [];

    public IReadOnlyList<CapNamedValue> Geocodes { get; init; } = [];

    public decimal? Altitude { get; init; }

    public decimal? Ceiling { get; init; }
}

/// <summary>A WGS 84 point in CAP's order: latitude first.</summary>
public readonly record struct CapPoint(double Latitude, double Longitude);

/// <summary>A closed ring of points (the first point repeated last, at least four).</summary>
public sealed record CapPolygon(IReadOnlyList<CapPoint> Points);

/// <summary>A circle: centre and radius in kilometres.</summary>
public sealed record CapCircle(CapPoint Center, double RadiusKm);
