using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Realtime.Server.Hosting;

/// <summary>Writes and reads <see cref="TimeSpan"/> as an ISO 8601 duration (<c>PT2M</c>, <c>P2D</c>), as the contract says.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("expected an ISO 8601 duration"));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}

/// <summary>The one JSON shape of the HTTP API and the hub: camelCase, enums as camelCase strings, ISO 8601 durations.</summary>
public static class WireJson
{
    /// <summary>Applies the wire settings to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new IsoDurationConverter());
        return options;
    }
}
