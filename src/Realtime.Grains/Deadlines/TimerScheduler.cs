using Microsoft.Extensions.Logging;

namespace Realtime.Grains.Deadlines;

/// <summary>
/// The one scheduler behind every deadline: a binary heap of due instants and a single
/// <see cref="ITimer"/> from the floor clock armed for the earliest one. A pending entry costs
/// one small object and a heap slot (no OS timer per grain), so a million pending deadlines are cheap; an entry
/// never fires before its instant.
/// </summary>
public sealed class TimerScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly PriorityQueue<ScheduledTimer, long> _heap = new();
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ITimer _wake;
    private long _armedFor = long.MaxValue;
    private int _cancelled;
    private bool _disposed;

    /// <summary>Creates a scheduler on <paramref name="time"/>.</summary>
    public TimerScheduler(TimeProvider time, ILogger<TimerScheduler> log)
    {
        _time = time;
        _log = log;
        _wake = time.CreateTimer(static s => ((TimerScheduler)s!).OnWake(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Now, on the scheduler's clock, as UTC ticks.</summary>
    internal long UtcNowTicks => _time.GetUtcNow().UtcTicks;

    /// <summary>Pending entries, cancelled ones not yet dropped included.</summary>
    public int Count
    {
        get { lock (_gate) return _heap.Count; }
    }

    /// <summary>Schedules <paramref name="target"/> to be called at <paramref name="dueAt"/> (at once if it has passed).</summary>
    public ScheduledTimer Schedule(DateTimeOffset dueAt, ITimerTarget target)
    {
        var entry = new ScheduledTimer(dueAt.UtcTicks, target);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _heap.Enqueue(entry, entry.DueUtcTicks);
            if (entry.DueUtcTicks < _armedFor) Arm(entry.DueUtcTicks);
        }
        return entry;
    }

    /// <summary>
    /// Schedules many entries under one lock: the heap is rebuilt once, in linear time, instead of one logarithmic insert
    /// each (a restart arms a million deadlines). Returns the entries in the order given.
    /// </summary>
    public ScheduledTimer[] ScheduleMany(IReadOnlyList<(DateTimeOffset DueAt, ITimerTarget Target)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var scheduled = new ScheduledTimer[entries.Count];
        if (scheduled.Length == 0) return scheduled;
        var earliest = long.MaxValue;
        for (var i = 0; i < scheduled.Length; i++)
        {
            scheduled[i] = new ScheduledTimer(entries[i].DueAt.UtcTicks, entries[i].Target);
            earliest = Math.Min(earliest, scheduled[i].DueUtcTicks);
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Rebuild(scheduled);
            if (earliest < _armedFor) Arm(earliest);
        }
        return scheduled;
    }

    /// <summary>Cancels a pending entry; no effect once it has fired.</summary>
    public void Cancel(ScheduledTimer entry)
    {
        lock (_gate)
        {
            if (entry.Cancelled) return;
            entry.Cancelled = true;
            // Re-armed grains leave cancelled entries behind; rebuild the heap when they outnumber the live ones.
            if (++_cancelled > 1024 && _cancelled > _heap.Count / 2) Rebuild([]);
        }
    }

    /// <summary>Rebuilds the heap in linear time from its live entries and <paramref name="added"/>, dropping the cancelled ones.</summary>
    private void Rebuild(ScheduledTimer[] added)
    {
        var live = new List<(ScheduledTimer, long)>(Math.Max(0, _heap.Count - _cancelled) + added.Length);
        foreach (var item in _heap.UnorderedItems)
        {
            if (!item.Element.Cancelled) live.Add(item);
        }
        foreach (var entry in added) live.Add((entry, entry.DueUtcTicks));
        _heap.Clear();
        _heap.EnqueueRange(live);
        _cancelled = 0;
    }

    private void Arm(long dueTicks)
    {
        _armedFor = dueTicks;
        // OS timers count whole milliseconds and truncate: a remainder under one would wake the scheduler at once, again
        // and again, spinning a core until the entry is due. Rounding up costs under a millisecond of lateness, never earliness.
        var remaining = Math.Max(0, dueTicks - _time.GetUtcNow().UtcTicks);
        var milliseconds = (remaining + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        _wake.Change(TimeSpan.FromMilliseconds(milliseconds), Timeout.InfiniteTimeSpan);
    }

    private void OnWake()
    {
        List<ScheduledTimer>? due = null;
        lock (_gate)
        {
            if (_disposed) return;
            var now = _time.GetUtcNow().UtcTicks;
            while (_heap.TryPeek(out var entry, out var ticks))
            {
                if (entry.Cancelled)
                {
                    _heap.Dequeue();
                    _cancelled--;
                    continue;
                }
                // An OS timer may wake a little early; what is not due yet waits for the next wake.
                if (ticks > now) break;
                _heap.Dequeue();
                entry.Cancelled = true;
                (due ??= []).Add(entry);
            }
            _armedFor = long.MaxValue;
            if (_heap.TryPeek(out _, out var next)) Arm(next);
        }
        if (due is null) return;
        foreach (var entry in due)
        {
            try
            {
                entry.Target.OnDue(entry);
            }
            catch (Exception e)
            {
                _log.LogError(e, "A timer target failed");
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _heap.Clear();
        }
        _wake.Dispose();
    }
}
