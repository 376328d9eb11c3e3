using System.Text.Json;
using Orleans.Storage;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Orleans' grain storage writes states as UTF-8 JSON with the grains' options (<see cref="GrainJson.Options"/>), the
/// same form the write-behind checkpoints use: rows an operator can read, and state types (the domain's among them) that
/// need no Orleans attributes.
/// </summary>
public sealed class GrainJsonStorageSerializer : IGrainStorageSerializer
{
    /// <inheritdoc />
    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, GrainJson.Options));

    /// <inheritdoc />
    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, GrainJson.Options)!;
}
