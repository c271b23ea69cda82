using System.Xml.Linq;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Tests.Alerts.Cap;

/// <summary>A PTDS alert built by the builder, and the fixtures written in other publishers' styles.</summary>
internal static class CapSamples
{
    public static readonly XNamespace Cap = CapAlert.Namespace;

    public static readonly DateTimeOffset Sent = new(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));

    public static readonly PtdsCapProfile Profile = new(
        "ptds@tayninh.gov.vn",
        new Dictionary<string, string>
        {
            ["vi-VN"] = "Ban Chỉ huy PCTT và TKCN tỉnh Tây Ninh",
            ["en-US"] = "Tay Ninh Provincial Steering Committee for Disaster Prevention",
        },
        "80",
        "Trực ban: 0272 3826 000");

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Alerts", "Cap", "Fixtures", name);

    public static XDocument Fixture(string name) => CapXml.Load(File.ReadAllBytes(PathOf(name)));

    public static PtdsAlertBuilder Builder(string? identifier = null, DateTimeOffset? sent = null) =>
        new PtdsAlertBuilder(Profile, identifier ?? Profile.NewIdentifier(sent ?? Sent, 17), sent ?? Sent)
            .Hazard(PtdsHazard.Flood, riskLevel: 2)
            .Respond(CapResponseType.Prepare, CapResponseType.Evacuate)
            .Times(effective: Sent, onset: Sent.AddHours(6), expires: Sent.AddDays(2))
            .Web(new Uri("https://ptds.tayninh.gov.vn/cap/alerts/PTDS-80-20261014073000-17"))
            .Text("vi-VN", new PtdsAlertText("Lũ", "Cảnh báo lũ cấp độ 2 trên sông Vàm Cỏ Tây", "Mực nước tại Mộc Hóa 2,03 m, trên báo động 3 (2,00 m).", "Di dời người dân vùng trũng thấp."))
            .Text("en-US", new PtdsAlertText("Flood", "Flood warning, risk level 2, Vam Co Tay river", "The water level at Moc Hoa is 2.03 m, above alarm level 3 (2.00 m).", "Move people out of low-lying areas."))
            .Text("km-KH", new PtdsAlertText("ទឹកជំនន់", "ការព្រមានទឹកជំនន់ កម្រិត ២", "កម្ពស់ទឹកនៅ Moc Hoa ២,០៣ ម៉ែត្រ។"))
            .Polygon("Vùng trũng phường Kiến Tường", [new(10.78, 105.90), new(10.82, 105.95), new(10.76, 105.99), new(10.72, 105.93)])
            .Circle("Bán kính 10 km quanh trạm Mộc Hóa", new CapPoint(10.77, 105.94), 10)
            .Units("Các xã ven sông Vàm Cỏ Tây", ["27700", "27715", "27721"]);

    public static CapAlert Alert() => Builder().Build();

    /// <summary>The valid PTDS alert as XML, to break one thing at a time.</summary>
    public static XElement Element() => CapWriter.ToElement(Alert());

    public static XElement Child(this XElement parent, string name, int position = 1) =>
        parent.Elements(Cap + name).ElementAt(position - 1);
}
