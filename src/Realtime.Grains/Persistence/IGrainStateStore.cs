namespace Realtime.Grains.Persistence;

/// <summary>
/// Where grain state lives (Orleans' <c>IGrainStateStore</c>). Writes use optimistic concurrency:
/// the caller presents the etag it read (null when it read nothing) and a stale etag is refused with
/// <see cref="InconsistentStateException"/>, never silently overwritten.
/// </summary>
public interface IGrainStateStore
{
    /// <summary>Reads the state of <paramref name="id"/>; null when none was ever written (or it was cleared).</summary>
    Task<StoredGrainState?> ReadAsync(GrainKey id, CancellationToken cancellationToken = default);

    /// <summary>Writes the state if <paramref name="expectedEtag"/> is current; returns the new etag.</summary>
    /// <exception cref="InconsistentStateException">The stored etag differs from <paramref name="expectedEtag"/>.</exception>
    Task<string> WriteAsync(GrainKey id, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>Removes the state if <paramref name="expectedEtag"/> is current.</summary>
    /// <exception cref="InconsistentStateException">The stored etag differs from <paramref name="expectedEtag"/>.</exception>
    Task ClearAsync(GrainKey id, string? expectedEtag, CancellationToken cancellationToken = default);
}
