using System.Collections.Concurrent;
using Realtime.Grains;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Tests;

/// <summary>In-memory grain storage that counts the reads of each grain's state, and can fail them.</summary>
internal sealed class CountingStateStore : IBatchGrainStateStore
{
    private readonly InMemoryGrainStateStore _inner = new();
    private readonly ConcurrentDictionary<GrainKey, int> _reads = new();

    /// <summary>How many times the state of <paramref name="grain"/> was read from storage.</summary>
    public int ReadsOf(GrainKey grain) => _reads.GetValueOrDefault(grain);

    /// <summary>While set, a read of this grain's state fails as a storage command that timed out does (cancelled; not retried).</summary>
    public GrainKey? FailReadsOf { get; set; }

    public Task<StoredGrainState?> ReadAsync(GrainKey id, CancellationToken cancellationToken = default)
    {
        _reads.AddOrUpdate(id, 1, (_, n) => n + 1);
        ThrowIfFailing([id]);
        return _inner.ReadAsync(id, cancellationToken);
    }

    public Task<IReadOnlyDictionary<GrainKey, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainKey> ids, CancellationToken cancellationToken = default)
    {
        foreach (var id in ids) _reads.AddOrUpdate(id, 1, (_, n) => n + 1);
        ThrowIfFailing(ids);
        return _inner.ReadManyAsync(ids, cancellationToken);
    }

    private void ThrowIfFailing(IReadOnlyCollection<GrainKey> ids)
    {
        if (FailReadsOf is { } failing && ids.Contains(failing)) throw new OperationCanceledException($"The read of {failing} timed out.");
    }

    public Task<string> WriteAsync(GrainKey id, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(id, data, expectedEtag, cancellationToken);

    public Task ClearAsync(GrainKey id, string? expectedEtag, CancellationToken cancellationToken = default) => _inner.ClearAsync(id, expectedEtag, cancellationToken);
}
