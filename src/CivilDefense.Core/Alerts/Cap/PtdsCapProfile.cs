using System.Globalization;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// The CAP profile PTDS issues under (docs/cap.md): who the sender is, how identifiers are made,
/// and the value names of its geocodes, event codes and parameters.
/// </summary>
/// <param name="Sender">The province's PTDS address, e.g. "ptds@tayninh.gov.vn" (no spaces or commas).</param>
/// <param name="SenderNames">The issuing body by language, e.g. vi-VN "Ban Chỉ huy PCTT&amp;TKCN tỉnh Tây Ninh".</param>
/// <param name="ProvinceCode">Official code of the province (mã đơn vị hành chính), part of every identifier.</param>
public sealed record PtdsCapProfile(string Sender, IReadOnlyDictionary<string, string> SenderNames, string ProvinceCode, string? Contact = null)
{
    /// <summary>Geocode value name for Vietnam's official administrative unit code (mã đơn vị hành chính).</summary>
    public const string UnitCodeValueName = "VN_MA_DVHC";

    /// <summary>Event code value name for the kind of natural disaster (loại thiên tai): a <see cref="PtdsHazard"/> name.</summary>
    public const string HazardValueName = "VN_LOAI_THIEN_TAI";

    /// <summary>Parameter value name for the natural-disaster risk level (cấp độ rủi ro thiên tai), "1" to "5".</summary>
    public const string RiskLevelValueName = "VN_CAP_DO_RUI_RO_THIEN_TAI";

    /// <summary>&lt;code&gt; every PTDS alert carries, naming this profile and its version.</summary>
    public const string ProfileCode = "profile:PTDS-CAP:1.0";

    /// <summary>The languages every PTDS alert has, in this order; km-KH is added where the province writes a Khmer text.</summary>
    public static IReadOnlyList<string> RequiredLanguages { get; } = ["vi-VN", "en-US"];

    /// <summary>
    /// "PTDS-{province}-{sent, local yyyyMMddHHmmss}-{sequence}": unique per sender because the
    /// sequence is the alert's number in the province's register; readable in a log line.
    /// </summary>
    public string NewIdentifier(DateTimeOffset sent, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"PTDS-{ProvinceCode}-{sent:yyyyMMddHHmmss}-{sequence}");
}
