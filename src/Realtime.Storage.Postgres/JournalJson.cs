using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Realtime.Domain.Events;

namespace Realtime.Storage.Postgres;

/// <summary>
/// How a <see cref="FloorEvent"/> is stored in <c>journal.payload</c>: UTF-8 JSON bytes (bytea, see
/// <c>0004_journal_payload_bytes.sql</c>), camelCase, enums as strings (the event type by its contract wire
/// name), nulls omitted. <see cref="FloorEvent.Sequence"/> is left out because the journal assigns it (the
/// <c>seq</c> column) after the payload is written. Rows written before 0004 hold jsonb's text form of the same
/// JSON (keys reordered, spaces added), which reads back as the same event.
/// </summary>
internal static class JournalJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static byte[] Serialize(FloorEvent floorEvent) => JsonSerializer.SerializeToUtf8Bytes(floorEvent, Options);

    public static FloorEvent Deserialize(ReadOnlySpan<byte> payload, long sequence)
    {
        var floorEvent = JsonSerializer.Deserialize<FloorEvent>(payload, Options)
            ?? throw new InvalidDataException($"Journal entry {sequence} has a null payload.");
        return floorEvent with { Sequence = sequence };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(FloorEvent)) return;
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name == "sequence") info.Properties.RemoveAt(i);
            }
        });
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = resolver,
        };
        options.Converters.Add(new EventTypeWireNameConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Writes <see cref="EventType"/> as its contract name (<c>complaint.opened</c>), so payloads read like the ingest API.</summary>
    private sealed class EventTypeWireNameConverter : JsonConverter<EventType>
    {
        public override EventType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => EventTypeNames.TryParse(reader.GetString(), out var type)
                ? type
                : throw new JsonException($"Unknown event type '{reader.GetString()}' in the journal.");

        public override void Write(Utf8JsonWriter writer, EventType value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.ToWireName());
    }
}
