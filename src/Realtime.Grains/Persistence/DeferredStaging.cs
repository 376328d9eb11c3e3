using Realtime.Actors;
using Realtime.Actors.Timers;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Lets a busy grain (an agent or team receiving many events) recompute, push and stage its state once per
/// <see cref="CheckpointOptions.DeferredStageDelay"/> instead of after every journal event. Until it flushes, the
/// checkpointer keeps the applied watermark below the first unstaged event, so a crash replays those events.
/// </summary>
internal sealed class DeferredStaging(TimeSpan delay)
{
    private IGrainTimer? _timer;

    /// <summary>Whether applied events wait for the next flush.</summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// Defers the flush of journal events starting at <paramref name="firstSequence"/>; false when the grain must flush
    /// now (deferral off, or events that are not journaled).
    /// </summary>
    public bool Defer(Func<Func<CancellationToken, Task>, GrainTimerCreationOptions, IGrainTimer> registerTimer,
        IStateCheckpointer checkpointer, GrainId grain, long firstSequence, Func<Task> flush)
    {
        if (delay <= TimeSpan.Zero || firstSequence <= 0) return false;
        if (Pending) return true;
        checkpointer.MarkUnstaged(grain, firstSequence);
        Pending = true;
        if (_timer is null) _timer = registerTimer(_ => Pending ? flush() : Task.CompletedTask, new GrainTimerCreationOptions { DueTime = delay });
        else _timer.Change(delay, Timeout.InfiniteTimeSpan);
        return true;
    }

    /// <summary>The grain flushed (recomputed, pushed, staged).</summary>
    public void Done() => Pending = false;
}
