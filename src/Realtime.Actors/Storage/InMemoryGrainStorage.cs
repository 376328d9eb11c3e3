using System.Collections.Concurrent;

namespace Realtime.Actors.Storage;

/// <summary>Grain storage in process memory, with the same etag rules as the durable stores. Lost when the process ends.</summary>
public sealed class InMemoryGrainStorage : IBatchGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, StoredGrainState> _states = new();
    private long _version;

    /// <summary>Stored states.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainId id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(id, out var s) ? s : null);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<GrainId, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainId> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<GrainId, StoredGrainState>(ids.Count);
        foreach (var id in ids)
        {
            if (_states.TryGetValue(id, out var s)) found[id] = s;
        }
        return Task.FromResult<IReadOnlyDictionary<GrainId, StoredGrainState>>(found);
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainId id, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = new StoredGrainState(data.ToArray(), etag);
        if (expectedEtag is null)
        {
            if (!_states.TryAdd(id, next)) throw Conflict(id, expectedEtag);
        }
        else if (!_states.TryGetValue(id, out var current) || current.Etag != expectedEtag || !_states.TryUpdate(id, next, current))
        {
            throw Conflict(id, expectedEtag);
        }
        return Task.FromResult(etag);
    }

    /// <inheritdoc />
    public Task ClearAsync(GrainId id, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        if (!_states.TryGetValue(id, out var current)) return expectedEtag is null ? Task.CompletedTask : throw Conflict(id, expectedEtag);
        if (current.Etag != expectedEtag || !_states.TryRemove(new KeyValuePair<GrainId, StoredGrainState>(id, current))) throw Conflict(id, expectedEtag);
        return Task.CompletedTask;
    }

    private InconsistentStateException Conflict(GrainId id, string? expected) =>
        new(id, expected, _states.TryGetValue(id, out var s) ? s.Etag : null);
}
