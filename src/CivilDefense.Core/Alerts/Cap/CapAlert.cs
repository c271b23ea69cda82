namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// An OASIS CAP 1.2 &lt;alert&gt; as an immutable value. Lists are never null (empty when the
/// element is absent); optional single elements are null. Times keep the offset they were sent
/// with (CAP requires one), so a Vietnamese alert stays in +07:00.
/// </summary>
public sealed record CapAlert
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The IANA media type of a CAP document, used by feeds and HTTP responses.</summary>
    public const string ContentType = "application/cap+xml";

    public required string Identifier { get; init; }

    public required string Sender { get; init; }

    public required DateTimeOffset Sent { get; init; }

    public required CapStatus Status { get; init; }

    public required CapMessageType MessageType { get; init; }

    public string? Source { get; init; }

    public required CapScope Scope { get; init; }

    /// <summary>The rule for limiting distribution; only with scope Restricted.</summary>
    public string? Restriction { get; init; }

    /// <summary>The intended recipients (space-delimited on the wire, quoted when one holds a space).</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>&lt;code&gt;: handling codes, e.g. the profile the alert follows.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>The earlier messages this one updates, cancels, acknowledges or rejects.</summary>
    public IReadOnlyList<CapReference> References { get; init; } = [];

    public IReadOnlyList<string> Incidents { get; init; } = [];

    public IReadOnlyList<CapInfo> Infos { get; init; } = [];

    /// <summary>The reference another message uses to point at this one.</summary>
    public CapReference Reference => new(Sender, Identifier, Sent);
}

/// <summary>One entry of &lt;references&gt;: the triplet that identifies an earlier message.</summary>
public sealed record CapReference(string Sender, string Identifier, DateTimeOffset Sent)
{
    public override string ToString() => $"{Sender},{Identifier},{CapTime.Format(Sent)}";
}

/// <summary>A &lt;valueName&gt;/&lt;value&gt; pair: eventCode, parameter or geocode.</summary>
public sealed record CapNamedValue(string ValueName, string Value);
