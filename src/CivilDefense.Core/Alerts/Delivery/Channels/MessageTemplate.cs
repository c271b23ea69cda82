using System.Text;
using System.Text.Encodings.Web;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

/// <summary>
/// A gateway's JSON body template parsed once: literal text and {{name}} placeholders, filled per
/// message straight into a buffer. <see cref="JsonTemplate.Render"/> does the same with a
/// dictionary per message, which at tens of thousands of messages a second cost more than the
/// request; the output is identical (the tests compare both).
/// </summary>
public sealed class MessageTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] _parts;

    // The last text escaped, by reference: every message of an alert shares one Body string, so
    // the (long, Vietnamese) text is escaped once, not once per recipient.
    private Escaped? _lastText;

    public MessageTemplate(string template)
    {
        var parts = new List<(string, bool)>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf("{{", position, StringComparison.Ordinal);
            var close = open < 0 ? -1 : template.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                parts.Add((template[position..], false));
                break;
            }

            parts.Add((template[position..open], false));
            var name = template[(open + 2)..close];
            parts.Add(IsKnown(name) ? (name, true) : (template[open..(close + 2)], false));
            position = close + 2;
        }

        _parts = [.. parts];
    }

    /// <summary>Appends the body for one message, values JSON-escaped.</summary>
    public void Render(StringBuilder output, OutgoingMessage message)
    {
        foreach (var (text, isPlaceholder) in _parts)
        {
            if (!isPlaceholder)
            {
                output.Append(text);
                continue;
            }

            switch (text)
            {
                case "to":
                    Append(output, message.Address);
                    break;
                case "text":
                    output.Append(EscapedText(message.Body));
                    break;
                case "key":
                    Append(output, message.IdempotencyKey);
                    break;
                case "alert":
                    output.Append(message.AlertId);
                    break;
                case "recipient":
                    output.Append(message.RecipientId);
                    break;
                default:
                    Append(output, message.Language);
                    break;
            }
        }
    }

    public string Render(OutgoingMessage message)
    {
        var output = new StringBuilder(256);
        Render(output, message);
        return output.ToString();
    }

    private static bool IsKnown(string name) => name is "to" or "text" or "key" or "alert" or "recipient" or "language";

    private static void Append(StringBuilder output, string value)
    {
        // Phone numbers, keys and language tags rarely need escaping: copy them as they are then.
        foreach (var c in value)
        {
            if (c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`' || c < ' ' || c > '~')
            {
                output.Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value));
                return;
            }
        }

        output.Append(value);
    }

    private string EscapedText(string text)
    {
        var last = _lastText;
        if (last is not null && ReferenceEquals(last.Raw, text))
        {
            return last.Encoded;
        }

        var encoded = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(text);
        _lastText = new Escaped(text, encoded);
        return encoded;
    }

    private sealed record Escaped(string Raw, string Encoded);
}
