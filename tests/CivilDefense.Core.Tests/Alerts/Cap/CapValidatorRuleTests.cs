using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

/// <summary>
/// One case per rule: the valid PTDS alert with exactly one thing broken must produce that rule's
/// finding at that path (so removing the rule fails its case), and the untouched alert none.
/// </summary>
public sealed class CapValidatorRuleTests
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    [Fact]
    public void The_unbroken_alert_has_no_findings() => Assert.Empty(CapValidator.Validate(CapSamples.Element()));

    [Theory]
    [InlineData(CapRules.IdentifierChars, "/alert/identifier[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.SenderChars, "/alert/sender[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.TimeFormat, "/alert/sent[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ReferencesFormat, "/alert/references[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ReferencesEmpty, "/alert/references[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ReferencesSelf, "/alert/references[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ReferencesRequired, "/alert/msgType[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ReferencesLater, "/alert/references[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.PolygonFormat, "/alert/info[2]/area[1]/polygon[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.PolygonPoints, "/alert/info[2]/area[1]/polygon[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.PolygonClosed, "/alert/info[2]/area[1]/polygon[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.PolygonSelfIntersecting, "/alert/info[2]/area[1]/polygon[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.CoordinateRange, "/alert/info[1]/area[1]/polygon[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.CircleFormat, "/alert/info[1]/area[2]/circle[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.CircleRadius, "/alert/info[1]/area[2]/circle[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.CeilingWithoutAltitude, "/alert/info[1]/area[3]/ceiling[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.CeilingBelowAltitude, "/alert/info[1]/area[3]/ceiling[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.RestrictionScope, "/alert/restriction[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.RestrictionMissing, "/alert/scope[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.AddressesMissing, "/alert/scope[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.AddressesPublic, "/alert/addresses[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.LanguageTag, "/alert/info[3]/language[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ResourceMimeType, "/alert/info[1]/resource[1]/mimeType[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ResourceUri, "/alert/info[1]/resource[1]/uri[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ResourceSize, "/alert/info[1]/resource[1]/size[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ResourceDigest, "/alert/info[1]/resource[1]/digest[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.WebUri, "/alert/info[2]/web[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.TextHtml, "/alert/info[2]/description[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.TextSameInTwoLanguages, "/alert/info[2]/headline[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.ExpiresBeforeStart, "/alert/info[1]/expires[1]", CapFindingSeverity.Error)]
    [InlineData(CapRules.ExpiresBeforeSent, "/alert/info[1]/expires[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.ValueNameEmpty, "/alert/info[1]/area[3]/geocode[1]/valueName[1]", CapFindingSeverity.Warning)]
    [InlineData(CapRules.Schema, "/alert/info[1]/urgency[1]", CapFindingSeverity.Error)]
    public void Each_rule_reports_its_finding_at_the_element(string rule, string path, CapFindingSeverity severity)
    {
        var alert = CapSamples.Element();
        Break(alert, rule);

        var findings = CapValidator.Validate(alert);

        Assert.Contains(findings, f => f.Rule == rule && f.Path == path && f.Severity == severity && f.Message.Length > 10);
    }

    /// <summary>Changes the valid alert so that exactly the given rule is broken.</summary>
    private static void Break(XElement alert, string rule)
    {
        var info = alert.Child("info");
        var english = alert.Child("info", 2);
        switch (rule)
        {
            case CapRules.IdentifierChars:
                alert.Child("identifier").Value = "PTDS 80,17";
                break;
            case CapRules.SenderChars:
                alert.Child("sender").Value = "ptds&co@tayninh.gov.vn";
                break;
            case CapRules.TimeFormat:
                alert.Child("sent").Value = "2026-10-14T07:30:00.5+07:00";
                break;
            case CapRules.ReferencesFormat:
                References(alert, "ptds@tayninh.gov.vn;PTDS-80-1;2026-10-13T07:30:00+07:00");
                break;
            case CapRules.ReferencesEmpty:
                References(alert, "  ");
                break;
            case CapRules.ReferencesSelf:
                References(alert, $"ptds@tayninh.gov.vn,{alert.Child("identifier").Value},2026-10-14T07:30:00+07:00");
                break;
            case CapRules.ReferencesRequired:
                alert.Child("msgType").Value = "Cancel";
                break;
            case CapRules.ReferencesLater:
                References(alert, "ptds@tayninh.gov.vn,PTDS-80-1,2026-10-15T07:30:00+07:00");
                break;
            case CapRules.PolygonFormat:
                english.Child("area").Child("polygon").Value = "10.78;105.90 10.82,105.95";
                break;
            case CapRules.PolygonPoints:
                english.Child("area").Child("polygon").Value = "10.78,105.90 10.82,105.95 10.78,105.90";
                break;
            case CapRules.PolygonClosed:
                english.Child("area").Child("polygon").Value = "10.78,105.90 10.82,105.95 10.76,105.99 10.72,105.93";
                break;
            case CapRules.PolygonSelfIntersecting:
                // A bow tie: the second and fourth edges cross.
                english.Child("area").Child("polygon").Value = "10.0,105.0 10.0,106.0 11.0,105.0 11.0,106.0 10.0,105.0";
                break;
            case CapRules.CoordinateRange:
                // Longitude first, the classic mistake: 105.9 is not a latitude.
                info.Child("area").Child("polygon").Value = "105.90,10.78 105.95,10.82 105.99,10.76 105.90,10.78";
                break;
            case CapRules.CircleFormat:
                info.Child("area", 2).Child("circle").Value = "10.77,105.94";
                break;
            case CapRules.CircleRadius:
                info.Child("area", 2).Child("circle").Value = "10.77,105.94 -5";
                break;
            case CapRules.CeilingWithoutAltitude:
                info.Child("area", 3).Add(new XElement(Cap + "ceiling", "3000"));
                break;
            case CapRules.CeilingBelowAltitude:
                info.Child("area", 3).Add(new XElement(Cap + "altitude", "3000"), new XElement(Cap + "ceiling", "1000"));
                break;
            case CapRules.RestrictionScope:
                alert.Child("scope").AddAfterSelf(new XElement(Cap + "restriction", "Chỉ cho lực lượng xung kích"));
                break;
            case CapRules.RestrictionMissing:
                alert.Child("scope").Value = "Restricted";
                break;
            case CapRules.AddressesMissing:
                alert.Child("scope").Value = "Private";
                break;
            case CapRules.AddressesPublic:
                alert.Child("scope").AddAfterSelf(new XElement(Cap + "addresses", "xungkich@tayninh.gov.vn"));
                break;
            case CapRules.LanguageTag:
                alert.Child("info", 3).Child("language").Value = "khmer_cambodia";
                break;
            case CapRules.ResourceMimeType:
                AddResource(info, mime: "jpeg");
                break;
            case CapRules.ResourceUri:
                AddResource(info, uri: "maps/flood.png");
                break;
            case CapRules.ResourceSize:
                AddResource(info, size: "-1");
                break;
            case CapRules.ResourceDigest:
                AddResource(info, digest: "not-a-sha1");
                break;
            case CapRules.WebUri:
                english.Child("web").Value = "/cap/alerts/17";
                break;
            case CapRules.TextHtml:
                english.Child("description").Value = "Water level <b>2.03 m</b> at Moc Hoa.<br/>";
                break;
            case CapRules.TextSameInTwoLanguages:
                english.Child("headline").Value = info.Child("headline").Value;
                break;
            case CapRules.ExpiresBeforeStart:
                info.Child("expires").Value = "2026-10-14T10:00:00+07:00";
                break;
            case CapRules.ExpiresBeforeSent:
                info.Child("expires").Value = "2026-10-14T07:00:00+07:00";
                info.Child("effective").Remove();
                info.Child("onset").Remove();
                break;
            case CapRules.ValueNameEmpty:
                info.Child("area", 3).Child("geocode").Child("valueName").Value = "";
                break;
            case CapRules.Schema:
                info.Child("urgency").Value = "Soon";
                break;
            default:
                throw new ArgumentException(rule);
        }
    }

    private static void References(XElement alert, string value)
    {
        alert.Child("msgType").Value = "Update";
        alert.Child("code").AddAfterSelf(new XElement(Cap + "references", value));
    }

    private static void AddResource(XElement info, string mime = "image/png", string? size = null, string uri = "https://ptds.tayninh.gov.vn/maps/flood.png", string? digest = null) =>
        info.Child("parameter").AddAfterSelf(new XElement(Cap + "resource",
            new XElement(Cap + "resourceDesc", "Bản đồ vùng ngập"),
            new XElement(Cap + "mimeType", mime),
            size is null ? null : new XElement(Cap + "size", size),
            new XElement(Cap + "uri", uri),
            digest is null ? null : new XElement(Cap + "digest", digest)));
}
