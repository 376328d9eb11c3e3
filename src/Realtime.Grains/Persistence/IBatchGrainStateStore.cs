namespace Realtime.Grains.Persistence;

/// <summary>
/// Grain storage that can read many grains' states in one round trip. Grains activating together (a batch of new
/// complaints) then cost one read instead of one each; the states and etags are those of <see cref="IGrainStateStore.ReadAsync"/>.
/// </summary>
public interface IBatchGrainStateStore : IGrainStateStore
{
    /// <summary>The stored states of those of <paramref name="ids"/> that have one (absent ones are missing from the answer).</summary>
    Task<IReadOnlyDictionary<GrainKey, StoredGrainState>> ReadManyAsync(IReadOnlyCollection<GrainKey> ids, CancellationToken cancellationToken = default);
}
