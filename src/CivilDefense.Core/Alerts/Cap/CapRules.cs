namespace CivilDefense.Core.Alerts.Cap;

/// <summary>The rule ids that findings carry; docs/cap.md lists them with their source in the standard.</summary>
public static class CapRules
{
    public const string Schema = "cap.schema";
    public const string Root = "cap.root";
    public const string IdentifierChars = "cap.identifier.chars";
    public const string SenderChars = "cap.sender.chars";
    public const string TimeFormat = "cap.time.format";
    public const string ReferencesFormat = "cap.references.format";
    public const string ReferencesEmpty = "cap.references.empty";
    public const string ReferencesSelf = "cap.references.self";
    public const string ReferencesRequired = "cap.references.required";
    public const string ReferencesLater = "cap.references.later";
    public const string PolygonFormat = "cap.polygon.format";
    public const string PolygonPoints = "cap.polygon.points";
    public const string PolygonClosed = "cap.polygon.closed";
    public const string PolygonSelfIntersecting = "cap.polygon.self-intersecting";
    public const string CoordinateRange = "cap.coordinate.range";
    public const string CircleFormat = "cap.circle.format";
    public const string CircleRadius = "cap.circle.radius";
    public const string CeilingWithoutAltitude = "cap.ceiling.without-altitude";
    public const string CeilingBelowAltitude = "cap.ceiling.below-altitude";
    public const string RestrictionScope = "cap.restriction.scope";
    public const string RestrictionMissing = "cap.restriction.missing";
    public const string AddressesMissing = "cap.addresses.missing";
    public const string AddressesPublic = "cap.addresses.public";
    public const string LanguageTag = "cap.language.tag";
    public const string ResourceMimeType = "cap.resource.mime-type";
    public const string ResourceUri = "cap.resource.uri";
    public const string ResourceSize = "cap.resource.size";
    public const string ResourceDigest = "cap.resource.digest";
    public const string WebUri = "cap.web.uri";
    public const string TextHtml = "cap.text.html";
    public const string TextSameInTwoLanguages = "cap.text.same-in-two-languages";
    public const string ExpiresBeforeStart = "cap.expires.before-start";
    public const string ExpiresBeforeSent = "cap.expires.before-sent";
    public const string ValueNameEmpty = "cap.value-name.empty";
    public const string SignatureInvalid = "cap.signature.invalid";
    public const string SignatureNotVerifiable = "cap.signature.not-verifiable";
    public const string Unreadable = "cap.unreadable";
}
