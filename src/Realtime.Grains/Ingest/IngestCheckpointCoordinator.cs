using Microsoft.Extensions.Logging;
using Realtime.Grains.Persistence;

namespace Realtime.Grains.Ingest;

/// <summary>
/// The silo side of <see cref="ICheckpointCoordinator"/>: asks the floor's <see cref="IIngestGrain"/>. When it cannot be
/// reached (the silo's first checkpoints run before it joined, its last one after it stopped; the writer is moving after
/// a death) the checkpoint claims no more than the last answer did, which only ever makes a later replay longer, never shorter.
/// </summary>
public sealed partial class IngestCheckpointCoordinator(
    IGrainFactory grains, ILocalSiloDetails silo, IClusterMembershipService membership, IngestPipeline pipeline, ILogger<IngestCheckpointCoordinator> log)
    : ICheckpointCoordinator
{
    // A stopped silo's calls may hang rather than fail; a checkpoint does not wait longer than this for its answer.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);
    private CheckpointWatermark _last = new(0, long.MaxValue);
    private string? _siloId;
    private string SiloId => _siloId ??= silo.SiloAddress.ToParsableString();

    /// <inheritdoc />
    public string Holder => SiloId;

    /// <inheritdoc />
    public async Task<CheckpointWatermark> BeginAsync(CancellationToken cancellationToken)
    {
        if (!Active) return Fallback();
        try
        {
            var answer = await grains.FloorIngestWriter().BeginCheckpointAsync(SiloId).WaitAsync(AnswerTimeout, cancellationToken);
            return _last = answer;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(e.GetType().Name);
            return Fallback();
        }
    }

    // Grain calls need an active silo: before it has joined, placement finds no silo and retries for seconds, logging each
    // attempt as a failure; as it stops, calls may hang.
    private bool Active => membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active;

    // The writer lived here and stopped: its watermark is exact; no other silo has reported newer than the last answer.
    private CheckpointWatermark Fallback() =>
        new(pipeline.HasWritten ? pipeline.AppliedThrough : _last.AppliedThrough, _last.OthersCheckpointedThrough);

    /// <inheritdoc />
    public async Task EndAsync(long appliedThrough, long stored, CancellationToken cancellationToken)
    {
        if (!Active) return;
        try
        {
            await grains.FloorIngestWriter().EndCheckpointAsync(SiloId, appliedThrough, stored).WaitAsync(AnswerTimeout, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Debug, "The ingest writer could not be reached for a checkpoint ({Error}); the checkpoint claims no more than the last answer")]
    private partial void LogUnreachable(string error);
}
