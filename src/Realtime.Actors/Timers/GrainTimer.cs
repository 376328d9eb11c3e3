using Realtime.Actors.Hosting;

namespace Realtime.Actors.Timers;

/// <summary>Options of a grain timer (Orleans' <c>GrainTimerCreationOptions</c>).</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Delay before the first tick.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the next; <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.</summary>
    public TimeSpan Period { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Whether a tick counts as activity (keeps the activation from idle collection). Default false, as in Orleans.</summary>
    public bool KeepAlive { get; init; }

    /// <summary>Creates options; <see cref="DueTime"/> must be set.</summary>
    public GrainTimerCreationOptions()
    {
    }
}

/// <summary>A registered grain timer. Disposing stops it; it also stops when its activation leaves memory.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Re-arms the timer with a new due time and period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}

/// <summary>A grain timer: each tick is a work item in the owning activation's mailbox; it is re-armed only after the tick's turn ends.</summary>
internal sealed class GrainTimer(Activation owner, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options) : IGrainTimer, ITimerTarget
{
    private readonly object _gate = new();
    private TimeSpan _dueTime = options.DueTime;
    private TimeSpan _period = options.Period;
    private ScheduledTimer? _pending;
    private bool _disposed;

    public void Start() => Arm(_dueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(IGrainTimer));
            _dueTime = dueTime;
            _period = period;
        }
        Arm(dueTime);
    }

    private void Arm(TimeSpan delay)
    {
        var scheduler = owner.Runtime.Scheduler;
        lock (_gate)
        {
            if (_disposed) return;
            if (_pending is not null) scheduler.Cancel(_pending);
            _pending = delay == Timeout.InfiniteTimeSpan || delay <= TimeSpan.Zero ? null : scheduler.Schedule(owner.Runtime.Time.GetUtcNow() + delay, this);
        }
        // A due time of zero ticks at once (as System.Threading.Timer does), without waiting for the scheduler's next wake.
        if (delay != Timeout.InfiniteTimeSpan && delay <= TimeSpan.Zero) owner.TryEnqueue(new TickWorkItem(this));
    }

    void ITimerTarget.OnDue(ScheduledTimer timer)
    {
        lock (_gate)
        {
            if (_disposed || !ReferenceEquals(timer, _pending)) return;
            _pending = null;
        }
        owner.TryEnqueue(new TickWorkItem(this));
    }

    private async Task TickAsync()
    {
        // A tick queued before the timer was disposed must not run: disposed timers stop.
        lock (_gate)
        {
            if (_disposed) return;
        }
        try
        {
            await callback(owner.Runtime.Stopping);
        }
        finally
        {
            bool rearm;
            lock (_gate) rearm = !_disposed && _pending is null && _period != Timeout.InfiniteTimeSpan;
            if (rearm) Arm(_period);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (_pending is not null) owner.Runtime.Scheduler.Cancel(_pending);
            _pending = null;
        }
        owner.RemoveTimer(this);
    }

    private sealed class TickWorkItem(GrainTimer timer) : WorkItem
    {
        public override bool CountsAsActivity => timer._keepAlive;

        public override bool OutlivesActivation => false;

        public override Task ExecuteAsync(Grain grain) => timer.TickAsync();

        public override void Fail(Exception error)
        {
        }
    }

    private readonly bool _keepAlive = options.KeepAlive;
}
