using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Server.Hosting;

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
