using Realtime.Actors;
using Realtime.Actors.Timers;

namespace Realtime.Grains.Persistence;

/// <summary>
/// Lets a busy grain (an agent or team receiving many events and complaint facts) recompute, push and stage its state
/// once per <see cref="CheckpointOptions.DeferredStageDelay"/> instead of after every change. Until it stages, the
/// checkpointer keeps the applied watermark below the first unstaged journal event (a crash replays it), and a
/// checkpoint asks the grain to stage first (so the complaint states that told it a fact are never written without it).
/// </summary>
/// <remarks>Made once per activation with everything it needs: a busy grain defers on every call, and passing method groups allocated two delegates each time.</remarks>
internal sealed class DeferredStaging(
    TimeSpan delay,
    Func<Func<CancellationToken, Task>, GrainTimerCreationOptions, IGrainTimer> registerTimer,
    IStateCheckpointer checkpointer,
    GrainId grain,
    Func<Task> flush)
{
    private IGrainTimer? _timer;
    private Action? _stageNow;
    private bool _holdsWatermark;

    /// <summary>Whether applied changes wait for the next flush.</summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// Defers the flush of journal events starting at <paramref name="firstSequence"/>; false when the grain must flush
    /// now (deferral off, or events that are not journaled).
    /// </summary>
    public bool Defer(long firstSequence) => firstSequence > 0 && DeferCore(firstSequence);

    /// <summary>
    /// Defers the flush of facts another grain told this one (they are not in the journal: the checkpoint that would
    /// write the teller's state stages this grain first); false when deferral is off.
    /// </summary>
    public bool DeferFacts() => DeferCore(0);

    private bool DeferCore(long firstSequence)
    {
        if (delay <= TimeSpan.Zero) return false;
        var holds = firstSequence > 0;
        if (Pending && (_holdsWatermark || !holds)) return true;
        var timer = _timer ??= registerTimer(_ => Pending ? flush() : Task.CompletedTask, new GrainTimerCreationOptions { DueTime = Timeout.InfiniteTimeSpan });
        checkpointer.MarkUnstaged(grain, firstSequence, _stageNow ??= StageNow);
        _holdsWatermark |= holds;
        if (!Pending) timer.Change(delay, Timeout.InfiniteTimeSpan);
        Pending = true;
        return true;
    }

    /// <summary>Called by the checkpointer from any thread: flush in the grain's next turn.</summary>
    private void StageNow()
    {
        try
        {
            _timer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The grain left memory; it staged what it held as it deactivated.
        }
    }

    /// <summary>The grain staged its state (everything applied so far is in it).</summary>
    public void Done()
    {
        Pending = false;
        _holdsWatermark = false;
    }
}
