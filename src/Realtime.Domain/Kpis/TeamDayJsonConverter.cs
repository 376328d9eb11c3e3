using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Kpis;

/// <summary>Writes a <see cref="TeamDay"/> as a positional array (see its summary) and reads it back.</summary>
public sealed class TeamDayJsonConverter : JsonConverter<TeamDay>
{
    private const int CounterCount = 13;

    /// <inheritdoc />
    public override TeamDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A team day is an array starting with its date.");
        }

        var day = new TeamDay(DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var values = new double[CounterCount];
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var category = reader.GetString()!;
                    reader.Read();
                    day.OpenedByCategory[category] = reader.GetInt32();
                }

                continue;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                for (var hour = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; hour++)
                {
                    if (hour >= day.BreachesByHour.Length) throw new JsonException("Too many hours in a team day.");
                    day.BreachesByHour[hour] = reader.GetInt32();
                }

                continue;
            }

            if (count == CounterCount)
            {
                throw new JsonException("Too many values in a team day.");
            }

            values[count++] = reader.GetDouble();
        }

        day.SetCounters(values);
        return day;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TeamDay value, JsonSerializerOptions options)
    {
        var values = value.Counters();
        var hasCategories = value.OpenedByCategory.Count > 0;
        var hasHours = value.BreachesByHour.Any(h => h != 0);
        var length = values.Length;
        while (!hasCategories && !hasHours && length > 0 && values[length - 1] == 0)
        {
            length--;
        }

        writer.WriteStartArray();
        writer.WriteStringValue(value.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        for (var i = 0; i < length; i++)
        {
            writer.WriteNumberValue(values[i]);
        }

        if (hasCategories)
        {
            writer.WriteStartObject();
            foreach (var (category, count) in value.OpenedByCategory)
            {
                writer.WriteNumber(category, count);
            }

            writer.WriteEndObject();
        }

        if (hasHours)
        {
            writer.WriteStartArray();
            foreach (var count in value.BreachesByHour)
            {
                writer.WriteNumberValue(count);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
