using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Calendars;

/// <summary>Reads and writes a <see cref="Quarter"/> as its string form (<c>"2026Q3"</c>).</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    /// <inheritdoc />
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString(), out var quarter) ? quarter : throw new JsonException("Expected a quarter like \"2026Q3\".");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
