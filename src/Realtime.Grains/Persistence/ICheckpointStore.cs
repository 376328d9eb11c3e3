
namespace Realtime.Grains.Persistence;

/// <summary>
/// Where checkpoints go: many grain states, their deadlines and the applied watermark, written together
/// (on PostgreSQL, in one transaction). "Applied watermark W" means every journal event with sequence ≤ W is
/// reflected in the stored states, so recovery replays only the journal after W.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The watermark of the last checkpoint (0 when none).</summary>
    Task<long> ReadAppliedSequenceAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes states, deadlines and the watermark atomically; returns the new etags in the order of <paramref name="states"/>.</summary>
    /// <exception cref="Actors.Storage.InconsistentStateException">A state's etag was stale; nothing was written.</exception>
    Task<IReadOnlyList<string>> WriteCheckpointAsync(IReadOnlyList<GrainStateWrite> states, IReadOnlyCollection<Deadline> deadlines, long appliedSequence, CancellationToken cancellationToken = default);
}
