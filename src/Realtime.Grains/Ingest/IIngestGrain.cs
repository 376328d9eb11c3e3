using Realtime.Domain.Events;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Ingest;

/// <summary>
/// The floor's one ingest writer: every server hands its requests here, so the journal has one total order and one
/// applied watermark however many servers accept events. It lives once in the cluster; when its silo dies it comes back
/// on a survivor and first replays what the stored watermark does not cover.
/// </summary>
public interface IIngestGrain : IGrainWithStringKey
{
    /// <summary>Journals <paramref name="events"/> (all or nothing) and applies the new ones; completes when they are durable and applied.</summary>
    Task<IngestResult> SubmitAsync(IReadOnlyList<FloorEvent> events);

    /// <summary>The watermark the checkpoint of <paramref name="silo"/> may store (see <see cref="ICheckpointCoordinator"/>).</summary>
    Task<CheckpointWatermark> BeginCheckpointAsync(string silo);

    /// <summary><paramref name="silo"/> made its states durable up to <paramref name="appliedThrough"/> and stored <paramref name="stored"/> as the watermark.</summary>
    Task EndCheckpointAsync(string silo, long appliedThrough, long stored);

    /// <summary>Every journal event up to this has been applied by its grains.</summary>
    Task<long> GetAppliedThroughAsync();
}
