using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

public sealed class CapWriterReaderTests
{
    [Fact]
    public void Builder_alert_round_trips_through_writer_reader_and_validates_clean()
    {
        var alert = CapSamples.Alert();

        var xml = CapWriter.ToXml(alert);
        var read = CapReader.Read(xml);
        var findings = CapValidator.Validate(CapXml.Parse(xml).Root!);

        Assert.Empty(findings);
        Assert.Equal(xml, CapWriter.ToXml(read));
        Assert.Equal(["vi-VN", "en-US", "km-KH"], read.Infos.Select(i => i.Language));
        Assert.Equal(alert.Sent, read.Sent);
        Assert.Equal(TimeSpan.FromHours(7), read.Sent.Offset);
        var info = read.Infos[0];
        Assert.Equal(CapSeverity.Moderate, info.Severity);
        Assert.Equal(new CapNamedValue(PtdsCapProfile.HazardValueName, "Flood"), Assert.Single(info.EventCodes));
        Assert.Equal(new CapNamedValue(PtdsCapProfile.RiskLevelValueName, "2"), Assert.Single(info.Parameters));
        Assert.Equal(5, info.Areas[0].Polygons[0].Points.Count);
        Assert.Equal(info.Areas[0].Polygons[0].Points[0], info.Areas[0].Polygons[0].Points[^1]);
        Assert.Equal(10, info.Areas[1].Circles[0].RadiusKm);
        Assert.Equal(["27700", "27715", "27721"], info.Areas[2].Geocodes.Select(g => g.Value));
        Assert.All(info.Areas[2].Geocodes, g => Assert.Equal("VN_MA_DVHC", g.ValueName));
    }

    [Fact]
    public void Writer_uses_the_cap_namespace_explicit_offsets_and_no_fractional_seconds()
    {
        var alert = CapSamples.Alert() with { Sent = new DateTimeOffset(2026, 10, 14, 0, 30, 15, 987, TimeSpan.Zero) };

        var element = CapWriter.ToElement(alert);

        Assert.Equal(CapAlert.Namespace, element.Name.NamespaceName);
        Assert.Equal("2026-10-14T00:30:15-00:00", element.Child("sent").Value);
        Assert.Equal("2026-10-14T07:30:00+07:00", element.Child("info").Child("effective").Value);
        Assert.Equal("profile:PTDS-CAP:1.0", element.Child("code").Value);
    }

    [Fact]
    public void Update_and_cancel_reference_what_they_replace()
    {
        var original = CapSamples.Alert();
        var update = CapSamples.Builder(CapSamples.Profile.NewIdentifier(CapSamples.Sent.AddHours(3), 18), CapSamples.Sent.AddHours(3))
            .Hazard(PtdsHazard.Flood, riskLevel: 3).Updates(original.Reference).Build();
        var cancel = CapSamples.Builder(CapSamples.Profile.NewIdentifier(CapSamples.Sent.AddHours(9), 19), CapSamples.Sent.AddHours(9))
            .Cancels(original.Reference, update.Reference).Build();

        Assert.Equal(CapMessageType.Update, update.MessageType);
        Assert.Equal(CapSeverity.Severe, update.Infos[0].Severity);
        Assert.Equal("ptds@tayninh.gov.vn,PTDS-80-20261014073000-17,2026-10-14T07:30:00+07:00", CapWriter.ToElement(update).Child("references").Value);
        Assert.Equal(CapMessageType.Cancel, cancel.MessageType);
        Assert.Equal([original.Reference, update.Reference], CapReader.Read(CapWriter.ToXml(cancel)).References);
        Assert.Empty(CapValidator.Validate(update));
        Assert.Empty(CapValidator.Validate(cancel));
    }

    [Fact]
    public void Builder_refuses_an_alert_without_the_required_languages_area_or_level()
    {
        var builder = new PtdsAlertBuilder(CapSamples.Profile, "PTDS-80-1", CapSamples.Sent)
            .Hazard(PtdsHazard.HeavyRain, riskLevel: 6)
            .Text("vi-VN", new PtdsAlertText("Mưa lớn", "Mưa lớn", "Mưa lớn diện rộng."));

        var error = Assert.Throws<InvalidOperationException>(builder.Build);

        Assert.Contains("en-US", error.Message);
        Assert.Contains("risk level", error.Message);
        Assert.Contains("an area", error.Message);
    }

    [Fact]
    public void Reads_a_two_language_alert_with_same_ugc_and_fips_geocodes()
    {
        var alert = CapReader.Read(CapSamples.Fixture("us-nws-style-two-languages.xml").Root!);

        Assert.Equal(["en-US", "es-US"], alert.Infos.Select(i => i.Language));
        Assert.Equal(["SAME", "SAME", "UGC", "FIPS6"], alert.Infos[0].Areas[0].Geocodes.Select(g => g.ValueName));
        Assert.Equal(TimeSpan.FromHours(-5), alert.Sent.Offset);
        Assert.Equal("VTEC", alert.Infos[0].Parameters[0].ValueName);
        Assert.Empty(CapValidator.Validate(CapSamples.Fixture("us-nws-style-two-languages.xml").Root!));
    }

    [Fact]
    public void Reads_a_three_language_update_with_emma_and_nuts_geocodes()
    {
        var root = CapSamples.Fixture("eu-meteoalarm-style.xml").Root!;

        var alert = CapReader.Read(root);

        Assert.Equal(CapMessageType.Update, alert.MessageType);
        Assert.Equal("2.49.0.0.40.0.AT.260913200000.Regen.N1234", Assert.Single(alert.References).Identifier);
        Assert.Equal(["de-DE", "en-GB", "fr-FR"], alert.Infos.Select(i => i.Language));
        Assert.Equal(["EMMA_ID", "NUTS3"], alert.Infos[0].Areas[0].Geocodes.Select(g => g.ValueName));
        Assert.Empty(CapValidator.Validate(root));
    }

    [Fact]
    public void Reader_names_the_element_it_cannot_read()
    {
        var element = CapSamples.Element();
        element.Child("info", 2).Child("urgency").Value = "Soon";

        var ok = CapReader.TryRead(element, out var alert, out var problem);

        Assert.False(ok);
        Assert.Null(alert);
        Assert.StartsWith("/alert/info[2]/urgency[1]:", problem);
    }

    [Fact]
    public void Reader_accepts_a_z_time_that_the_validator_then_flags()
    {
        var element = CapSamples.Element();
        element.Child("sent").Value = "2026-10-14T00:30:00Z";

        var alert = CapReader.Read(element);
        var reading = CapReading.Of(element);

        Assert.Equal(TimeSpan.Zero, alert.Sent.Offset);
        Assert.Contains(reading.Findings, f => f.Rule == CapRules.TimeFormat && f.Path == "/alert/sent[1]");
        Assert.NotNull(reading.Alert);
    }

    [Fact]
    public void Validator_never_throws_on_a_foreign_root_or_a_cap_1_1_alert()
    {
        var old = XElement.Parse("<alert xmlns='urn:oasis:names:tc:emergency:cap:1.1'><identifier>x</identifier></alert>");

        var findings = CapValidator.Validate(old);

        Assert.Equal(CapRules.Root, Assert.Single(findings).Rule);
        Assert.Contains("1.1", findings[0].Message);
    }
}
