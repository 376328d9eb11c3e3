using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Grains.Teams;

/// <summary>Reads and writes <see cref="RecentKeys"/> as base64.</summary>
public sealed class RecentKeysJsonConverter : JsonConverter<RecentKeys>
{
    /// <inheritdoc />
    public override RecentKeys Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return RecentKeys.FromBase64(reader.GetString() ?? "");
        }
        catch (FormatException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RecentKeys value, JsonSerializerOptions options) => value.WriteBase64(writer);
}
