namespace Realtime.Grains.Persistence;

/// <summary>A grain's stored state as the storage holds it: serialized bytes plus the etag that guards writes.</summary>
/// <param name="Data">The serialized state (UTF-8 JSON).</param>
/// <param name="Etag">Opaque version; a write must present the current one.</param>
public sealed record StoredGrainState(ReadOnlyMemory<byte> Data, string Etag);

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

/// <summary>A write presented an etag that is no longer current: someone else wrote first.</summary>
public sealed class InconsistentStateException(GrainKey id, string? expected, string? actual)
    : Exception($"Stale write to {id}: expected etag '{expected ?? "<none>"}', stored '{actual ?? "<none>"}'.")
{
    /// <summary>The grain whose write was refused.</summary>
    public GrainKey GrainKey { get; } = id;
    /// <summary>The etag the writer presented.</summary>
    public string? ExpectedEtag { get; } = expected;
    /// <summary>The etag in storage.</summary>
    public string? StoredEtag { get; } = actual;
}

/// <summary>
/// Grain storage that can read many grains' states in one round trip. Grains activating together (a batch of new
/// complaints) then cost one read instead of one each; the states and etags are those of <see cref="IGrainStateStore.ReadAsync"/>.
/// </summary>
public interface IBatchGrainStateStore : IGrainStateStore
{
    /// <summary>The stored states of those of <paramref name="ids"/> that have one (absent ones are missing from the answer).</summary>
    Task<IReadOnlyDictionary<GrainKey, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainKey> ids, CancellationToken cancellationToken = default);
}
