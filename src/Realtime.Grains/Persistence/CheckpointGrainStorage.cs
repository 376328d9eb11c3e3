using System.Collections.Concurrent;
using System.Text.Json;
using Orleans.Storage;
using Realtime.Grains.Deadlines;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Orleans grain storage (<c>[PersistentState(..., CheckpointGrainStorage.ProviderName)]</c>) for the journaled grains whose
/// write rate one row-write per turn cannot carry: a write stages the state with the <see cref="IStateCheckpointer"/> and
/// completes at once; the checkpointer group-commits it with the journal's applied watermark. States are stored as
/// UTF-8 JSON (<see cref="GrainJson.Options"/>) under the grain's type and key; a <see cref="PreserializedState"/> is
/// stored as the bytes it holds.
/// </summary>
/// <remarks>
/// The deadline filed with a state is the one the grain armed last (<see cref="DeadlineScheduler.Get"/>): grains arm their
/// next deadline in the turn that writes, so the two always agree. Etags stay with the checkpointer, which writes later
/// than the grain's turn and so is the only one that learns the new ones.
/// </remarks>
public sealed class CheckpointGrainStorage(IStateCheckpointer checkpointer, DeadlineScheduler deadlines) : IGrainStorage
{
    /// <summary>The provider's name, as grains give it in <c>[PersistentState]</c>.</summary>
    public const string ProviderName = "checkpoints";

    // Grain type names decoded once: a type's name was otherwise decoded from its id at every write.
    private readonly ConcurrentDictionary<GrainType, string> _typeNames = new();

    /// <summary>The key a grain's state is filed under: its Orleans grain type and string key.</summary>
    public GrainKey KeyOf(GrainId grainId) => new(_typeNames.GetOrAdd(grainId.Type, static t => t.ToString()!), grainId.Key.ToString()!);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await checkpointer.LoadAsync(KeyOf(grainId));
        grainState.RecordExists = stored is not null;
        if (stored is not { } bytes) return;
        grainState.State = typeof(T) == typeof(PreserializedState)
            ? (T)(object)new PreserializedState { Data = bytes }
            : JsonSerializer.Deserialize<T>(bytes.Span, GrainJson.Options)!;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = KeyOf(grainId);
        if (grainState.State is PreserializedState preserialized)
            checkpointer.Stage(key, preserialized.Data, deadlines.Get(key), preserialized.Summary);
        else
            checkpointer.Stage(key, JsonSerializer.SerializeToUtf8Bytes(grainState.State, GrainJson.Options), deadlines.Get(key));
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException($"Grain states in '{ProviderName}' are kept for the journal's replay and never cleared ({KeyOf(grainId)}).");
}
