using System.Globalization;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Common;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// Reads a batch body, <c>{"observations": [{"station", "time", "variable", "value"}, …]}</c>,
/// with <see cref="Utf8JsonReader"/> straight into <see cref="ObservationColumns"/>: no object per
/// item, no string per item (codes are compared as bytes, times parsed from the bytes). A body
/// that is not such a JSON document is refused as a whole, with the position of the fault; an
/// item whose fields are missing, of the wrong type, repeated or unknown is rejected on its own
/// with the reason, so one bad reading does not cost a gateway the rest of its batch.
/// Property names match in any letter case, as the API's other JSON does.
/// </summary>
public static class ObservationJson
{
    private enum Field
    {
        Station,
        Time,
        Variable,
        Value,
        Other,
    }

    private static readonly byte[][] VariableNames = [.. Enum.GetNames<StationVariable>().Select(Encoding.UTF8.GetBytes)];

    public static Result<ObservationColumns> Parse(ReadOnlySpan<byte> utf8, int maxItems)
    {
        // A byte order mark is allowed before JSON text (RFC 8259 §8.1 lets a parser ignore it); the reader does not skip it.
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 16 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Invalid("The body must be a JSON object: {\"observations\": [ … ]}.");
            }

            ObservationColumns? columns = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!name.Equals("observations", StringComparison.OrdinalIgnoreCase))
                {
                    return Invalid($"Unknown field '{name}'; the body holds only 'observations'.");
                }

                if (columns is not null)
                {
                    return Invalid("The field 'observations' appears twice.");
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return Invalid("'observations' must be an array of observations.");
                }

                // About 90 bytes an item as gateways write them; the arrays grow if the guess is short.
                columns = new ObservationColumns(Math.Min(utf8.Length / 64 + 1, maxItems + 1));
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (columns.Count == maxItems)
                    {
                        return Invalid($"A batch may hold at most {maxItems:N0} observations; split it.");
                    }

                    ReadItem(ref reader, columns);
                }
            }

            // The reader throws on anything after the document, a truncated one included.
            while (reader.Read())
            {
            }

            return columns is null ? Invalid("The field 'observations' is required.") : columns;
        }
        catch (JsonException e)
        {
            return Invalid($"The body is not valid JSON: {e.Message}");
        }
    }

    private static ValidationError Invalid(string message) => ValidationError.ForField("observations", message);

    private static void ReadItem(ref Utf8JsonReader reader, ObservationColumns columns)
    {
        var item = new ObservationItem();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            (item.OtherField, item.OtherReason) = ("observation", $"an observation must be a JSON object, not {Describe(reader.TokenType)}");
            reader.Skip();
            columns.Append(in item);
            return;
        }

        Span<bool> seen = stackalloc bool[4];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref reader, out var name);
            reader.Read();
            if (field == Field.Other || seen[(int)field])
            {
                item.OtherReason ??= field == Field.Other ? $"unknown field '{name}'" : $"the field '{field.ToString().ToLowerInvariant()}' appears twice";
                item.OtherField ??= field == Field.Other ? name : field.ToString().ToLowerInvariant();
                reader.Skip();
                continue;
            }

            seen[(int)field] = true;
            switch (field)
            {
                case Field.Station:
                    ReadStation(ref reader, columns, ref item);
                    break;
                case Field.Time:
                    ReadTime(ref reader, ref item);
                    break;
                case Field.Variable:
                    ReadVariable(ref reader, ref item);
                    break;
                default:
                    ReadValue(ref reader, ref item);
                    break;
            }
        }

        columns.Append(in item);
    }

    /// <summary>The field a property names; <paramref name="name"/> is set only when it is not one of the four.</summary>
    private static Field FieldOf(ref Utf8JsonReader reader, out string? name)
    {
        name = null;
        if (reader.ValueTextEquals("station"u8))
        {
            return Field.Station;
        }

        if (reader.ValueTextEquals("time"u8))
        {
            return Field.Time;
        }

        if (reader.ValueTextEquals("variable"u8))
        {
            return Field.Variable;
        }

        if (reader.ValueTextEquals("value"u8))
        {
            return Field.Value;
        }

        name = reader.GetString()!;
        return name.ToLowerInvariant() switch
        {
            "station" => Field.Station,
            "time" => Field.Time,
            "variable" => Field.Variable,
            "value" => Field.Value,
            _ => Field.Other,
        };
    }

    private static void ReadStation(ref Utf8JsonReader reader, ObservationColumns columns, ref ObservationItem item)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            item.Code = reader.ValueIsEscaped ? columns.CodeIndex(reader.GetString()!) : columns.CodeIndex(reader.ValueSpan);
            item.StationReason = item.Code < 0 ? "station is missing" : null;
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            item.StationReason = $"station must be a string, not {Describe(reader.TokenType)}";
            reader.Skip();
        }
    }

    private static void ReadTime(ref Utf8JsonReader reader, ref ObservationItem item)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            _ = reader.ValueIsEscaped
                ? ObservationRules.TryParseTime(reader.GetString(), out item.At, out item.TimeReason)
                : ObservationRules.TryParseTime(reader.ValueSpan, out item.At, out item.TimeReason);
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            item.TimeReason = $"time must be a string, not {Describe(reader.TokenType)}";
            reader.Skip();
        }
    }

    private static void ReadVariable(ref Utf8JsonReader reader, ref ObservationItem item)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // The names as the API documents them, compared as bytes; any other spelling goes through the general rule.
            for (var v = 0; v < VariableNames.Length && !reader.ValueIsEscaped; v++)
            {
                if (reader.ValueSpan.SequenceEqual(VariableNames[v]))
                {
                    (item.Variable, item.VariableReason) = ((StationVariable)v, null);
                    return;
                }
            }

            ObservationRules.TryParseVariable(reader.GetString(), out item.Variable, out item.VariableReason);
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            item.VariableReason = $"variable must be a string, not {Describe(reader.TokenType)}";
            reader.Skip();
        }
    }

    private static void ReadValue(ref Utf8JsonReader reader, ref ObservationItem item)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            item.ValueReason = reader.TryGetDouble(out item.Value) && double.IsFinite(item.Value)
                ? null
                : $"value {Truncate(Encoding.UTF8.GetString(reader.ValueSpan))} is not a finite number";
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            item.ValueReason = $"value must be a number, not {Describe(reader.TokenType)}";
            reader.Skip();
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..37]}...");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
