using System.Text;
using System.Text.Encodings.Web;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>
/// Fills {{name}} placeholders of a configured JSON body. Values are JSON-escaped, so a text with
/// quotes or line breaks cannot break the document the gateway receives.
/// </summary>
public static class JsonTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        var output = new StringBuilder(template.Length + 256);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                output.Append(template, position, template.Length - position);
                break;
            }

            output.Append(template, position, open - position);
            var name = template[(open + 2)..close];
            if (values.TryGetValue(name, out var value))
            {
                output.Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value));
            }
            else
            {
                // Unknown placeholders stay as written: a raw {{items}} is filled by the batch step.
                output.Append(template, open, close + 2 - open);
            }

            position = close + 2;
        }

        return output.ToString();
    }

    public static Dictionary<string, string> ValuesOf(OutgoingMessage message) => new(StringComparer.Ordinal)
    {
        ["to"] = message.Address,
        ["text"] = message.Body,
        ["key"] = message.IdempotencyKey,
        ["alert"] = message.AlertId.ToString(),
        ["recipient"] = message.RecipientId.ToString(),
        ["language"] = message.Language,
    };
}
