
namespace Realtime.Grains.Persistence;

/// <summary>
/// Write-behind persistence for grains whose events are journaled: a grain stages its serialized state (and next
/// deadline) at the end of every turn that changed it, or, if it defers (<see cref="MarkUnstaged"/>), when a checkpoint
/// asks; the checkpointer writes what is staged in periodic group commits. The journal already holds every acknowledged
/// event, so nothing acknowledged is lost in between.
/// </summary>
public interface IStateCheckpointer
{
    /// <summary>
    /// Loads the latest state of <paramref name="grain"/>: the one staged or being written if there is one, else the stored
    /// one, whose etag is remembered while the grain is in memory.
    /// </summary>
    Task<ReadOnlyMemory<byte>?> LoadAsync(GrainKey grain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts reading the stored state of <paramref name="grain"/> ahead of its activation (its deadline is due soon), so
    /// that <see cref="LoadAsync"/> answers from memory; nothing for a grain in memory or whose latest state is staged.
    /// </summary>
    void Prefetch(GrainKey grain);

    /// <summary>Stages the latest state of <paramref name="grain"/> (replacing anything staged before) with its next deadline and, for grains boards list, its summary.</summary>
    void Stage(GrainKey grain, ReadOnlyMemory<byte> state, DateTimeOffset? nextDeadline, byte[]? summary = null);

    /// <summary>
    /// Records that <paramref name="grain"/> holds changes it will stage later (deferred staging): journal events from
    /// <paramref name="firstSequence"/> on (0 when it holds only facts other grains told it). Until it stages, checkpoints
    /// keep the applied watermark below that sequence; and a checkpoint asks it to stage now (<paramref name="stageNow"/>)
    /// and writes that state in the same transaction as everything staged before it, so a grain's state that records
    /// having told this grain something never becomes durable without what it told.
    /// </summary>
    void MarkUnstaged(GrainKey grain, long firstSequence, Action stageNow);

    /// <summary>Completes when everything staged so far is durable (used before publishing a breach, so it is recorded exactly once).</summary>
    Task FlushAsync();

    /// <summary>
    /// Called as the grain leaves memory; completes at once. Its staged state is still written by the next checkpoint (and
    /// returned by <see cref="LoadAsync"/> until then); once that state is durable, the grain's etag is forgotten.
    /// </summary>
    Task ReleaseAsync(GrainKey grain);
}
