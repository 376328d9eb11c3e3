using System.Text.Json;
using System.Text.Json.Serialization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;

namespace Realtime.Domain.Scorecards;

/// <summary>
/// The latest value a rater gave one manual indicator for one quarter (from <c>agent.rated</c>).
/// Serialized compactly as <c>[indicator, rater, quarter, value, ratedAt]</c>.
/// </summary>
/// <param name="Indicator">The indicator id, e.g. <c>knowledge_test</c>.</param>
/// <param name="Rater">Who rated.</param>
/// <param name="Quarter">The quarter the rating is for.</param>
/// <param name="Value">The value, in the indicator's unit.</param>
/// <param name="RatedAt">When the rating happened (<c>occurredAt</c>); a later one replaces an earlier one.</param>
[JsonConverter(typeof(ManualRatingJsonConverter))]
public sealed record ManualRating(string Indicator, Rater Rater, Quarter Quarter, double Value, DateTimeOffset RatedAt);

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
