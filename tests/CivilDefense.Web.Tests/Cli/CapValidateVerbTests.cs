using System.Text;
using CivilDefense.Cli;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Web.Tests.Cli;

/// <summary>`cap validate` on files and on a loopback HTTP server: alerts, an EDXL-DE envelope, Atom and RSS feeds.</summary>
public sealed class CapValidateVerbTests : IDisposable
{
    private static readonly DateTimeOffset Sent = new(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));
    private readonly string _folder = Directory.CreateTempSubdirectory("ptds_cap_").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_valid_alert_file_passes_with_exit_code_0()
    {
        var file = Write("good.xml", CapWriter.ToBytes(Alert("PTDS-80-1")));

        var (code, output, _) = await RunAsync("cap", "validate", file);

        string[] expected =
        [
            $"== {file}  (ptds@tayninh.gov.vn PTDS-80-1 Alert; The alert is not signed.)",
            "  valid",
            "1 alert(s) checked: 0 error(s), 0 warning(s).",
        ];
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task A_broken_alert_prints_path_rule_and_message_and_exits_1()
    {
        var xml = Encoding.UTF8.GetString(CapWriter.ToBytes(Alert("PTDS-80-2")))
            .Replace("<cap:msgType>Alert</cap:msgType>", "<cap:msgType>Cancel</cap:msgType>", StringComparison.Ordinal)
            .Replace("<msgType>Alert</msgType>", "<msgType>Cancel</msgType>", StringComparison.Ordinal);
        var file = Write("bad.xml", Encoding.UTF8.GetBytes(xml));

        var (code, output, _) = await RunAsync("cap", "validate", file);

        Assert.Equal(1, code);
        Assert.Contains("/alert/msgType[1]  [cap.references.required]", output);
        Assert.Contains("error", output);
    }

    [Fact]
    public async Task An_edxl_envelope_and_a_dtd_document_are_handled_in_one_run()
    {
        var alert = Encoding.UTF8.GetString(CapWriter.ToBytes(Alert("PTDS-80-3")));
        var body = alert[(alert.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        var envelope = Write("edxl.xml", Encoding.UTF8.GetBytes(
            $"<EDXLDistribution xmlns='urn:oasis:names:tc:emergency:EDXL:DE:1.0'><distributionID>d</distributionID><contentObject><xmlContent><embeddedXMLContent>{body}</embeddedXMLContent></xmlContent></contentObject></EDXLDistribution>"));
        var dtd = Write("dtd.xml", "<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>"u8.ToArray());

        var (code, output, _) = await RunAsync("cap", "validate", envelope, dtd);

        Assert.Equal(1, code);
        Assert.Contains("edxl.xml contentObject[1]", output);
        Assert.Contains("PTDS-80-3", output);
        Assert.Contains("DTD", output);
        Assert.Contains("1 alert(s) checked: 1 error(s)", output);
    }

    [Fact]
    public async Task A_feed_file_has_its_relative_links_followed_to_files()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "alerts"));
        Write(Path.Combine("alerts", "1.xml"), CapWriter.ToBytes(Alert("PTDS-80-4")));
        var feed = Write("feed.atom", Feed(new Uri("alerts/1.xml", UriKind.Relative), new Uri("alerts/missing.xml", UriKind.Relative)));

        var (code, output, _) = await RunAsync("cap", "validate", feed);

        Assert.Equal(1, code);
        Assert.Contains("PTDS-80-4", output);
        Assert.Contains("no such file", output);
        Assert.Contains("1 alert(s) checked: 1 error(s)", output);
    }

    [Fact]
    public async Task Urls_of_an_atom_feed_an_rss_feed_and_an_alert_are_fetched_from_a_loopback_server()
    {
        var rss = Encoding.UTF8.GetBytes(
            "<rss version='2.0'><channel><title>t</title><item><title>a</title><link>/cap/6.xml</link></item>" +
            "<item><title>b</title><enclosure url='cap/7.xml' type='application/cap+xml'/></item></channel></rss>");
        var broken = Encoding.UTF8.GetString(CapWriter.ToBytes(Alert("PTDS-80-7"))).Replace("+07:00</sent>", "Z</sent>", StringComparison.Ordinal);
        using var server = new LoopbackFileServer(new Dictionary<string, (byte[], string)>
        {
            ["/cap/feed.atom"] = (Feed(new Uri("/cap/5.xml", UriKind.Relative), new Uri("file:///etc/passwd")), "application/atom+xml"),
            ["/cap/5.xml"] = (CapWriter.ToBytes(Alert("PTDS-80-5")), CapAlert.ContentType),
            ["/cap/6.xml"] = (CapWriter.ToBytes(Alert("PTDS-80-6")), CapAlert.ContentType),
            ["/cap/7.xml"] = (Encoding.UTF8.GetBytes(broken), CapAlert.ContentType),
            ["/feed.rss"] = (rss, "application/rss+xml"),
        });

        var (code, output, _) = await RunAsync("cap", "validate", new Uri(server.BaseAddress, "cap/feed.atom").ToString(), new Uri(server.BaseAddress, "feed.rss").ToString(), new Uri(server.BaseAddress, "cap/6.xml").ToString());

        Assert.Equal(1, code);
        Assert.Contains("PTDS-80-5", output);
        Assert.Contains("is not followed from a feed at http", output);
        Assert.Contains("/alert/sent[1]  [cap.time.format]", output);
        Assert.Contains("4 alert(s) checked", output);
        Assert.Equal(["/cap/feed.atom", "/cap/5.xml", "/feed.rss", "/cap/6.xml", "/cap/7.xml", "/cap/6.xml"], server.Requested);
    }

    [Fact]
    public async Task A_signed_alert_verifies_with_a_trusted_pem_key_and_is_only_a_warning_without_it()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var document = new System.Xml.XmlDocument { PreserveWhitespace = true };
        document.LoadXml(Encoding.UTF8.GetString(CapWriter.ToBytes(Alert("PTDS-80-8"))));
        var signer = new System.Security.Cryptography.Xml.SignedXml(document) { SigningKey = key };
        var reference = new System.Security.Cryptography.Xml.Reference { Uri = "" };
        reference.AddTransform(new System.Security.Cryptography.Xml.XmlDsigEnvelopedSignatureTransform());
        signer.AddReference(reference);
        signer.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signer.GetXml(), deep: true));
        var alert = Write("signed.xml", Encoding.UTF8.GetBytes(document.OuterXml));
        var pem = Write("publisher.pem", Encoding.ASCII.GetBytes(key.ExportSubjectPublicKeyInfoPem()));

        var trusted = await RunAsync("cap", "validate", alert, "--trusted-key", pem);
        var unknown = await RunAsync("cap", "validate", alert);
        var badKey = await RunAsync("cap", "validate", alert, "--trusted-key", alert);

        Assert.Equal(0, trusted.Code);
        Assert.Contains("Signature verified with the trusted key", trusted.Output);
        Assert.Equal(0, unknown.Code);
        Assert.Contains("[cap.signature.not-verifiable]  Signature present, not verifiable: key unknown", unknown.Output);
        Assert.Contains("0 error(s), 1 warning(s)", unknown.Output);
        Assert.Equal(2, badKey.Code);
        Assert.Contains("Cannot load a trusted certificate or key", badKey.Error);
    }

    private static CapAlert Alert(string identifier) =>
        new PtdsAlertBuilder(
                new PtdsCapProfile("ptds@tayninh.gov.vn", new Dictionary<string, string> { ["vi-VN"] = "BCH PCTT tỉnh Tây Ninh" }, "80"), identifier, Sent)
            .Hazard(PtdsHazard.HeavyRain, riskLevel: 1)
            .Times(expires: Sent.AddDays(1))
            .Text("vi-VN", new PtdsAlertText("Mưa lớn", "Cảnh báo mưa lớn", "Mưa 100-150 mm trong 24 giờ."))
            .Text("en-US", new PtdsAlertText("Heavy rain", "Heavy rain warning", "100-150 mm of rain in 24 hours."))
            .Polygon("Xã Tân Biên", [new(10.78, 105.90), new(10.82, 105.95), new(10.76, 105.99)])
            .Build();

    private static byte[] Feed(params Uri[] links) =>
        Encoding.UTF8.GetBytes("<feed xmlns='http://www.w3.org/2005/Atom'><id>urn:x</id><title>t</title>" +
            string.Concat(links.Select((l, i) => $"<entry><id>urn:e{i}</id><title>e</title><link rel='alternate' type='application/cap+xml' href='{l.OriginalString}'/></entry>")) +
            "</feed>");

    private string Write(string name, byte[] data)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
