using System.Text.Json;
using Orleans.Storage;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Orleans' grain storage for the grains whose state earlier versions kept in the write-behind checkpoints (the floor's
/// team list, the breach-cause ledger): a grain that has no record in <paramref name="inner"/> yet starts from the state
/// the checkpoints hold for it, and its first write moves that state into <paramref name="inner"/>. Without it an
/// upgraded floor would forget its teams, which register with the floor only once.
/// </summary>
/// <param name="inner">The storage the grains use from now on (Orleans' ADO.NET provider).</param>
/// <param name="checkpoints">Where earlier versions checkpointed those states.</param>
public sealed class UpgradingGrainStorage(IGrainStorage inner, IGrainStateStore checkpoints) : IGrainStorage
{
    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await inner.ReadStateAsync(stateName, grainId, grainState);
        if (grainState.RecordExists) return;
        // RecordExists stays false: the first write inserts the record, as for a grain that never had one.
        if (await checkpoints.ReadAsync(new GrainKey(grainId.Type.ToString()!, grainId.Key.ToString()!)) is { } earlier)
            grainState.State = JsonSerializer.Deserialize<T>(earlier.Data.Span, GrainJson.Options)!;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.WriteStateAsync(stateName, grainId, grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
