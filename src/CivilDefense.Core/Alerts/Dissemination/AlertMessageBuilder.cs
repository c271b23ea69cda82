using System.Globalization;
using System.Text;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Delivery;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// The text each channel carries, made from one &lt;info&gt; block of the published CAP message
/// (pure: no I/O). SMS is short and ends with the alert's public URL; e-mail has the whole
/// block; a webhook (organisations, neighbours' systems) gets the CAP XML itself. SMS and e-mail
/// end with <see cref="MessageRendering.AcknowledgePlaceholder"/>: the dispatcher puts a duty
/// contact's acknowledgement link there and nothing for a resident.
/// </summary>
public static class AlertMessageBuilder
{
    /// <summary>
    /// At most five concatenated SMS: Vietnamese with diacritics goes as UCS-2, 67 characters per
    /// part of a long message. Longer texts are cut at a word; the URL always survives.
    /// </summary>
    public const int MaxSmsLength = 5 * 67;

    public static AlertMessage Build(ChannelKind kind, string channel, CapAlert alert, CapInfo info, string capXml) => kind switch
    {
        ChannelKind.HttpSms => new AlertMessage(channel, info.Language, null, Sms(alert, info)),
        ChannelKind.Email => new AlertMessage(channel, info.Language, Subject(alert, info), Email(alert, info)),
        _ => new AlertMessage(channel, info.Language, Subject(alert, info), capXml),
    };

    public static string Subject(CapAlert alert, CapInfo info)
    {
        var subject = Prefix(alert, info) + (info.Headline ?? info.Event);
        return subject.Length <= 500 ? subject : subject[..499] + "…";
    }

    public static string Sms(CapAlert alert, CapInfo info)
    {
        var url = info.Web?.ToString();
        var head = Prefix(alert, info) + (info.Headline ?? info.Event);
        var detail = First(info.Instruction, info.Description);
        var text = detail is null ? head : head.TrimEnd('.') + ". " + detail;
        var room = MaxSmsLength - (url is null ? 0 : url.Length + 1);
        text = Shorten(text, room);
        return (url is null ? text : text + " " + url) + MessageRendering.AcknowledgePlaceholder;
    }

    public static string Email(CapAlert alert, CapInfo info)
    {
        var vi = IsVietnamese(info);
        var body = new StringBuilder();
        body.AppendLine(Prefix(alert, info) + (info.Headline ?? info.Event)).AppendLine();
        if (!string.IsNullOrWhiteSpace(info.Description))
        {
            body.AppendLine(info.Description.Trim()).AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(info.Instruction))
        {
            body.AppendLine((vi ? "Hướng dẫn: " : "What to do: ") + info.Instruction.Trim()).AppendLine();
        }

        var areas = string.Join("; ", info.Areas.Select(a => a.Description).Where(d => !string.IsNullOrWhiteSpace(d)).Distinct());
        if (areas.Length > 0)
        {
            body.AppendLine((vi ? "Khu vực: " : "Area: ") + areas);
        }

        body.AppendLine((vi ? "Phát lúc: " : "Sent: ") + alert.Sent.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        if (info.Expires is { } expires)
        {
            body.AppendLine((vi ? "Hết hiệu lực: " : "Expires: ") + expires.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        }

        if (info.SenderName is { Length: > 0 } sender)
        {
            body.AppendLine((vi ? "Nơi phát: " : "From: ") + sender);
        }

        if (info.Web is { } web)
        {
            body.AppendLine((vi ? "Chi tiết (CAP): " : "Details (CAP): ") + web);
        }

        return body.ToString().TrimEnd() + MessageRendering.AcknowledgePlaceholder;
    }

    /// <summary>Marks an Update or Cancel before the headline, so nobody takes a Cancel for a new alert.</summary>
    private static string Prefix(CapAlert alert, CapInfo info)
    {
        var vi = IsVietnamese(info);
        return alert.MessageType switch
        {
            CapMessageType.Update => vi ? "[CẬP NHẬT] " : "[UPDATE] ",
            CapMessageType.Cancel => vi ? "[HỦY CẢNH BÁO] " : "[CANCELLED] ",
            _ => "",
        };
    }

    private static bool IsVietnamese(CapInfo info) => DisseminationLanguages.HasVietnameseLabels(info.Language);

    private static string? First(params string?[] texts) => texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();

    private static string Shorten(string text, int room)
    {
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= room)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', Math.Max(0, room - 1));
        return (cut > room / 2 ? text[..cut] : text[..(room - 1)]).TrimEnd(',', ';', ':') + "…";
    }
}
