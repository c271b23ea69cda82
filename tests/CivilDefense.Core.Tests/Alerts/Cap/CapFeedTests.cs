using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

public sealed class CapFeedTests
{
    [Fact]
    public void Atom_index_feed_written_by_ptds_reads_back_with_links_and_georss()
    {
        var alert = CapSamples.Alert();
        var url = new Uri("https://ptds.tayninh.gov.vn/cap/alerts/PTDS-80-20261014073000-17.xml");
        var feed = new CapAtomFeed("urn:ptds:80:cap-feed", "PTDS Tây Ninh — cảnh báo", new Uri("https://ptds.tayninh.gov.vn/cap/feed.atom"), alert.Sent, "PTDS Tây Ninh",
            [CapAtomEntry.From(alert, url)]);

        var bytes = CapAtomFeedWriter.ToBytes(feed);
        var document = CapDocument.Load(bytes, new Uri("https://ptds.tayninh.gov.vn/cap/feed.atom"));
        var xml = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal(CapDocumentKind.Feed, document.Kind);
        var entry = Assert.Single(document.Feed!.Entries);
        Assert.Equal(url, entry.AlertLink);
        Assert.Equal("Cảnh báo lũ cấp độ 2 trên sông Vàm Cỏ Tây", entry.Title);
        Assert.Equal("urn:cap:ptds%40tayninh.gov.vn:PTDS-80-20261014073000-17", entry.Id);
        Assert.Equal(alert.Sent, entry.Updated);
        Assert.Contains("type=\"application/cap+xml\"", xml);
        Assert.Contains("<georss:polygon>10.78 105.9 10.82 105.95 10.76 105.99 10.72 105.93 10.78 105.9</georss:polygon>", xml);
        Assert.Contains("<updated>2026-10-14T07:30:00+07:00</updated>", xml);
    }

    [Fact]
    public void Atom_feed_of_another_publisher_yields_resolved_cap_links_and_embedded_alerts()
    {
        var document = CapDocument.From(CapSamples.Fixture("atom-feed-links-and-embedded.xml"), new Uri("https://alerts.example.org/cap/feed.atom"));

        Assert.Equal(CapFeedKind.Atom, document.Feed!.Kind);
        Assert.Equal(2, document.Feed.Entries.Count);
        Assert.Equal(new Uri("https://alerts.example.org/cap/alerts/A-1.xml"), document.Feed.Entries[0].AlertLink);
        Assert.Null(document.Feed.Entries[0].EmbeddedAlert);
        var embedded = Assert.Single(document.Alerts);
        Assert.Equal("entry[2]", embedded.Location);
        var reading = CapReading.Of(embedded.Element);
        Assert.Empty(reading.Findings);
        Assert.Equal("ISO3166-2", reading.Alert!.Infos[0].Areas[0].Geocodes[0].ValueName);
    }

    [Fact]
    public void Rss_feed_prefers_the_cap_enclosure_and_resolves_relative_links()
    {
        var feed = CapFeedReader.Read(CapSamples.Fixture("rss-feed-enclosures.xml"), new Uri("https://warnings.example.net/rss.xml"))!;

        Assert.Equal(CapFeedKind.Rss, feed.Kind);
        Assert.Equal(new Uri("https://warnings.example.net/cap/881.xml"), feed.Entries[0].AlertLink);
        Assert.Equal(new Uri("https://warnings.example.net/cap/882.xml"), feed.Entries[1].AlertLink);
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 2, 0, 0, TimeSpan.Zero), feed.Entries[0].Updated);
    }

    [Fact]
    public void Edxl_envelope_is_unwrapped_and_each_alert_judged_on_its_own()
    {
        var document = CapDocument.From(CapSamples.Fixture("edxl-de-two-alerts.xml"));

        var readings = document.Alerts.Select(a => (a.Location, Reading: CapReading.Of(a.Element))).ToList();

        Assert.Equal(CapDocumentKind.EdxlDistribution, document.Kind);
        Assert.Equal(["contentObject[1]", "contentObject[2]"], readings.Select(r => r.Location));
        Assert.Empty(readings[0].Reading.Findings);
        Assert.Equal(150, readings[0].Reading.Alert!.Infos[0].Areas[0].Circles[0].RadiusKm);
        var second = readings[1].Reading.Findings;
        Assert.Contains(second, f => f.Rule == CapRules.TimeFormat && f.Path == "/alert/sent[1]");
        Assert.Contains(second, f => f.Rule == CapRules.PolygonPoints && f.Path == "/alert/info[1]/area[1]/polygon[1]");
    }

    [Fact]
    public void A_document_that_is_neither_alert_envelope_nor_feed_is_unknown()
    {
        var document = CapDocument.Load("<html><body>Not found</body></html>"u8.ToArray());

        Assert.Equal(CapDocumentKind.Unknown, document.Kind);
        Assert.Empty(document.Alerts);
    }

    [Fact]
    public void Atom_xml_base_of_feed_and_entry_is_applied_to_relative_links()
    {
        var xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://hub.example.org/feeds/">
              <title>t</title>
              <entry><id>1</id><link href="../cap/1.xml"/></entry>
              <entry xml:base="https://mirror.example.org/x/"><id>2</id><link rel="related" href="ignored.html"/><content src="2.xml" type="application/cap+xml"/></entry>
              <entry><id>3</id><link rel="self" href="self.xml"/></entry>
            </feed>
            """;

        var feed = CapFeedReader.Read(System.Text.Encoding.UTF8.GetBytes(xml), new Uri("https://elsewhere.example.org/feed.atom"))!;

        Assert.Equal(new Uri("https://hub.example.org/cap/1.xml"), feed.Entries[0].AlertLink);
        Assert.Equal(new Uri("https://mirror.example.org/x/2.xml"), feed.Entries[1].AlertLink);
        Assert.Null(feed.Entries[2].AlertLink);
    }

    [Fact]
    public void Feed_reader_refuses_a_feed_with_a_dtd()
    {
        var xml = "<?xml version='1.0'?><!DOCTYPE feed [<!ENTITY e SYSTEM 'file:///etc/hostname'>]><feed xmlns='http://www.w3.org/2005/Atom'><title>&e;</title></feed>";

        Assert.Throws<CapFormatException>(() => CapFeedReader.Read(System.Text.Encoding.UTF8.GetBytes(xml)));
    }
}
