
namespace Realtime.Grains.Persistence;

/// <summary>
/// Lets a busy grain (an agent or team receiving many events and complaint facts) recompute and push once per
/// <see cref="CheckpointOptions.DeferredStageDelay"/> instead of after every change, and stage its state only when a
/// checkpoint asks for it (once per <see cref="CheckpointOptions.Interval"/> at most). Until it stages, the checkpointer
/// keeps the applied watermark below the first unstaged journal event (a crash replays it), and the checkpoint asks the
/// grain to stage first (so the complaint states that told it a fact are never written without it).
/// </summary>
/// <remarks>
/// A grain that is called again once <c>delay</c> has passed since its last push may push in that turn
/// (<see cref="PublishDue"/>, <see cref="Published"/>) instead of waiting for its timer: on a busy floor the timer's turn
/// was one more Orleans message per agent four times a second. Either way a change waits at most <c>delay</c>, and
/// pushes stay at least <c>delay</c> apart.
/// Staging serializes the whole state; doing it at every push serialized states the next push replaced before any
/// checkpoint wrote them. Made once per activation with everything it needs: a busy grain defers on every call, and
/// passing method groups allocated two delegates each time.
/// </remarks>
/// <param name="delay">How long changes wait for their push; zero turns deferral off (push and stage at once).</param>
/// <param name="registerTimer">The grain's timer registration.</param>
/// <param name="checkpointer">Where the grain stages.</param>
/// <param name="grain">The grain.</param>
/// <param name="publish">Pushes what changed (runs in a grain turn).</param>
/// <param name="flush">Pushes what changed and stages the state, which calls <see cref="Done"/> (runs in a grain turn).</param>
/// <param name="clock">The clock the grain's timers run on.</param>
internal sealed class DeferredStaging(
    TimeSpan delay,
    Func<Func<CancellationToken, Task>, GrainTimerCreationOptions, IGrainTimer> registerTimer,
    IStateCheckpointer checkpointer,
    GrainKey grain,
    Func<Task> publish,
    Func<Task> flush,
    TimeProvider clock)
{
    private readonly Lock _timerGate = new();
    private IGrainTimer? _timer;
    // When changes were last pushed (or the grain came into memory: a new activation waits for its first burst).
    private long _lastPublished = clock.GetTimestamp();
    private Action? _stageNow;
    private bool _holdsWatermark;
    private bool _publishPending;
    private bool _stagePending;
    // Set by the checkpointer from its own thread; read in the grain's next turn.
    private volatile bool _stageRequested;

    /// <summary>Whether applied changes wait for their push or their stage.</summary>
    public bool Pending => _publishPending || _stagePending;

    /// <summary>
    /// Defers the push and stage of journal events starting at <paramref name="firstSequence"/>; false when the grain
    /// must flush now (deferral off, or events that are not journaled).
    /// </summary>
    public bool Defer(long firstSequence) => firstSequence > 0 && DeferCore(firstSequence);

    /// <summary>
    /// Defers the push and stage of facts another grain told this one (they are not in the journal: the checkpoint that
    /// would write the teller's state stages this grain first); false when deferral is off.
    /// </summary>
    public bool DeferFacts() => DeferCore(0);

    private bool DeferCore(long firstSequence)
    {
        if (delay <= TimeSpan.Zero) return false;
        // The timer exists before the checkpointer can ask for a stage (it asks from its own thread at any time).
        _timer ??= registerTimer(_ => OnTimer(), new GrainTimerCreationOptions { DueTime = Timeout.InfiniteTimeSpan, Period = Timeout.InfiniteTimeSpan });
        var holds = firstSequence > 0;
        if (!_stagePending || (holds && !_holdsWatermark))
        {
            checkpointer.MarkUnstaged(grain, firstSequence, _stageNow ??= StageNow);
            _holdsWatermark |= holds;
            _stagePending = true;
        }
        if (!_publishPending)
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
            _publishPending = true;
        }
        return true;
    }

    /// <summary>Whether changes wait for their push and the last push was at least the delay ago: the grain may push in this turn.</summary>
    public bool PublishDue => _publishPending && clock.GetElapsedTime(_lastPublished) >= delay;

    /// <summary>Whether a checkpoint asked this grain to stage: the grain may flush in this turn instead of its timer's.</summary>
    public bool StageRequested => _stageRequested && _stagePending;

    /// <summary>The grain pushed its changes in its own turn; the timer stays armed only for a stage the checkpointer asked for.</summary>
    public void Published()
    {
        _publishPending = false;
        _lastPublished = clock.GetTimestamp();
        lock (_timerGate)
        {
            if (!_stageRequested) ChangeTimer(Timeout.InfiniteTimeSpan);
        }
    }

    private Task OnTimer()
    {
        if (_stageRequested)
        {
            _stageRequested = false;
            if (_stagePending) return flush();
        }
        if (!_publishPending) return Task.CompletedTask;
        _publishPending = false;
        _lastPublished = clock.GetTimestamp();
        return publish();
    }

    /// <summary>Called by the checkpointer from any thread: push and stage in the grain's next turn.</summary>
    private void StageNow()
    {
        lock (_timerGate)
        {
            _stageRequested = true;
            ChangeTimer(TimeSpan.Zero);
        }
    }

    private void ChangeTimer(TimeSpan due)
    {
        try
        {
            _timer?.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The grain left memory; it staged what it held as it deactivated.
        }
    }

    /// <summary>The grain pushed and staged its state (everything applied so far is in it).</summary>
    public void Done()
    {
        _stageRequested = false;
        _publishPending = false;
        _stagePending = false;
        _holdsWatermark = false;
        _lastPublished = clock.GetTimestamp();
    }
}
