using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;

namespace CivilDefense.Core.Tests.Alerts.Issuing;

public sealed class AlertCapBuilderTests
{
    private static readonly PtdsCapProfile Profile = new("ptds@tayninh.gov.vn", new Dictionary<string, string> { ["vi-VN"] = "Ban Chỉ huy" }, "80");
    private static readonly DateTimeOffset Sent = new(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));

    private static IssuedAlert Draft(CapMessageType type = CapMessageType.Alert) => new()
    {
        Sender = Profile.Sender,
        CreatedBy = "test",
        Hazard = PtdsHazard.Flood,
        RiskLevel = 3,
        MessageType = type,
        AreasJson = AlertJson.Write(new AlertAreaSet
        {
            Description = "Ven sông",
            Units = [new AlertUnit(7, "27700", "Phường Tân An")],
            Polygons = [[[11.3, 106.1], [11.3, 106.2], [11.4, 106.2], [11.3, 106.1]]],
            Circles = [new AlertCircle(11.3, 106.1, 5)],
        }),
        TextsJson = AlertJson.Write(new AlertTexts
        {
            ByLanguage = new Dictionary<string, AlertText>
            {
                ["en-US"] = new("Flood", "River above alarm level 3."),
                ["vi-VN"] = new("Lũ", "Sông vượt báo động 3.", "Sơ tán."),
                ["km-KH"] = new("ទឹកជំនន់", "ទឹកទន្លេឡើងខ្ពស់។"),
            },
        }),
    };

    [Fact]
    public void A_draft_becomes_a_clean_three_language_alert_with_geocode_polygon_and_circle()
    {
        var cap = AlertCapBuilder.Build(Draft(), Profile, "PTDS-80-20261014073000-1", Sent, new Uri("https://ptds.example/cap/alerts/PTDS-80-20261014073000-1.xml"), []);

        Assert.Empty(CapValidator.Validate(cap));
        Assert.Equal(["vi-VN", "en-US", "km-KH"], cap.Infos.Select(i => i.Language));
        Assert.Equal(["Lũ", "Flood", "Flood"], cap.Infos.Select(i => i.Event));
        Assert.Equal(CapSeverity.Severe, cap.Infos[0].Severity);
        Assert.Equal(3, cap.Infos[0].Areas.Count);
        Assert.Equal("27700", cap.Infos[0].Areas[0].Geocodes.Single(g => g.ValueName == PtdsCapProfile.UnitCodeValueName).Value);
    }

    [Fact]
    public void Missing_parts_are_named_before_building()
    {
        var draft = Draft();
        draft.RiskLevel = 0;
        draft.TextsJson = AlertJson.Write(new AlertTexts { ByLanguage = new Dictionary<string, AlertText> { ["vi-VN"] = new("Lũ", "x") } });
        Assert.Equal(["hazard and risk level 1-5", "the en-US headline and description"], AlertCapBuilder.Missing(draft));
    }

    [Fact]
    public void A_cancel_references_its_chain_and_a_relay_its_source()
    {
        var original = new CapReference("ptds@tayninh.gov.vn", "PTDS-80-20261014063000-1", Sent.AddHours(-1));
        var cancel = AlertCapBuilder.Build(Draft(CapMessageType.Cancel), Profile, "PTDS-80-20261014073000-2", Sent, null, [original]);
        Assert.Equal(CapMessageType.Cancel, cancel.MessageType);
        Assert.Equal([original], cancel.References);
        Assert.Equal([CapResponseType.AllClear], cancel.Infos[0].ResponseTypes);
        Assert.DoesNotContain(CapValidator.Validate(cancel), f => f.Severity == CapFindingSeverity.Error);

        var neighbour = new CapReference("ptds@longan.gov.vn", "LA-1", Sent.AddMinutes(-5));
        var relay = AlertCapBuilder.Build(Draft(), Profile, "PTDS-80-20261014073000-3", Sent, null, [neighbour]);
        Assert.Equal(CapMessageType.Alert, relay.MessageType);
        Assert.Equal([neighbour], relay.References);
        Assert.Empty(CapValidator.Validate(relay));
    }

    [Fact]
    public void A_received_alert_keeps_its_key_even_when_invalid()
    {
        var cap = AlertCapBuilder.Build(Draft(), Profile, "PTDS-80-20261014073000-1", Sent, null, []);
        var element = CapWriter.ToElement(cap with { Sender = "bad sender" });
        var received = ReceivedAlertReader.Read(element, CapReading.Of(element), "http://x/feed.atom", out var problem)!;
        Assert.Null(problem);
        Assert.Equal("2026-10-14T00:30:00Z", received.SentKey);
        Assert.Equal(PtdsHazard.Flood, received.Hazard);
        Assert.Equal(3, received.RiskLevel);
        Assert.True(received.ErrorCount > 0);
        Assert.Equal("Lũ", received.Headline);

        element.Element(XNamespaceCap + "identifier")!.Remove();
        Assert.Null(ReceivedAlertReader.Read(element, CapReading.Of(element), "http://x/feed.atom", out problem));
        Assert.NotNull(problem);
    }

    private static readonly System.Xml.Linq.XNamespace XNamespaceCap = CapAlert.Namespace;
}
