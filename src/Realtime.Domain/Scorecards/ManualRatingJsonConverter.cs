using System.Text.Json;
using System.Text.Json.Serialization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>Writes a <see cref="ManualRating"/> as a positional array and reads it back.</summary>
public sealed class ManualRatingJsonConverter : JsonConverter<ManualRating>
{
    /// <inheritdoc />
    public override ManualRating Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A manual rating is an array.");
        }

        reader.Read();
        var indicator = reader.GetString() ?? throw new JsonException("Missing indicator.");
        reader.Read();
        var rater = reader.GetString() == "self" ? Rater.Self : Rater.Supervisor;
        reader.Read();
        var quarter = Quarter.TryParse(reader.GetString(), out var q) ? q : throw new JsonException("Bad quarter.");
        reader.Read();
        var value = reader.GetDouble();
        reader.Read();
        var ratedAt = reader.GetDateTimeOffset();
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("A manual rating has five values.");
        }

        return new ManualRating(indicator, rater, quarter, value, ratedAt);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ManualRating value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.Indicator);
        writer.WriteStringValue(value.Rater == Rater.Self ? "self" : "supervisor");
        writer.WriteStringValue(value.Quarter.ToString());
        writer.WriteNumberValue(value.Value);
        writer.WriteStringValue(value.RatedAt);
        writer.WriteEndArray();
    }
}
