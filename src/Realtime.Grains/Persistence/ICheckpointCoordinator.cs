namespace Realtime.Grains.Persistence;

/// <summary>
/// Where a silo's checkpointer learns which watermark its checkpoint may store and reports what it stored. In a
/// cluster every silo checkpoints the grains it hosts, while one writer applies the journal: the stored watermark must
/// not pass what any live silo has made durable, or that silo's death would lose what replay no longer covers.
/// </summary>
public interface ICheckpointCoordinator
{
    /// <summary>This silo, as the holder of the deadlines its checkpoints write (see <see cref="Deadline.Holder"/>).</summary>
    string Holder { get; }

    /// <summary>The watermark this silo's next checkpoint may claim (read before it takes the staged states).</summary>
    Task<CheckpointWatermark> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Reports that this silo's states up to <paramref name="appliedThrough"/> are durable and <paramref name="stored"/> was stored as the watermark.</summary>
    Task EndAsync(long appliedThrough, long stored, CancellationToken cancellationToken);
}
