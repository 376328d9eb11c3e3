using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Grains;

/// <summary>The one JSON shape of persisted grain state: camelCase, enums as strings, nulls omitted.</summary>
public static class GrainJson
{
    /// <summary>Options for grain state (de)serialization.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
