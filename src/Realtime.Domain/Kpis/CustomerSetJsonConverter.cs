using System.Text.Json;
using System.Text.Json.Serialization;

namespace Realtime.Domain.Kpis;

/// <summary>Reads and writes a <see cref="CustomerSet"/> as a base64 string (straight from and to its bytes: no string in between).</summary>
public sealed class CustomerSetJsonConverter : JsonConverter<CustomerSet>
{
    /// <inheritdoc />
    public override CustomerSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return CustomerSet.FromBytes(reader.GetBytesFromBase64());
        }
        catch (FormatException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CustomerSet value, JsonSerializerOptions options) =>
        value.WriteBase64(writer);
}
