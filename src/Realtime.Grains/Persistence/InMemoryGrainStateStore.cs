using System.Collections.Concurrent;

namespace Realtime.Grains.Persistence;

/// <summary>Grain storage in process memory, with the same etag rules as the durable stores. Lost when the process ends.</summary>
public sealed class InMemoryGrainStateStore : IBatchGrainStateStore
{
    private readonly ConcurrentDictionary<GrainKey, StoredGrainState> _states = new();
    private long _version;

    /// <summary>Stored states.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public Task<StoredGrainState?> ReadAsync(GrainKey id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_states.TryGetValue(id, out var s) ? s : null);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<GrainKey, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainKey> ids, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<GrainKey, StoredGrainState>(ids.Count);
        foreach (var id in ids)
        {
            if (_states.TryGetValue(id, out var s)) found[id] = s;
        }
        return Task.FromResult<IReadOnlyDictionary<GrainKey, StoredGrainState>>(found);
    }

    /// <inheritdoc />
    public Task<string> WriteAsync(GrainKey id, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
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
    public Task ClearAsync(GrainKey id, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        if (!_states.TryGetValue(id, out var current)) return expectedEtag is null ? Task.CompletedTask : throw Conflict(id, expectedEtag);
        if (current.Etag != expectedEtag || !_states.TryRemove(new KeyValuePair<GrainKey, StoredGrainState>(id, current))) throw Conflict(id, expectedEtag);
        return Task.CompletedTask;
    }

    private InconsistentStateException Conflict(GrainKey id, string? expected) =>
        new(id, expected, _states.TryGetValue(id, out var s) ? s.Etag : null);
}
