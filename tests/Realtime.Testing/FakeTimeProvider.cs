namespace Realtime.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test says so. Timers created from it fire inline, in due
/// order, during <see cref="Advance"/>, each seeing the clock at its own due time, so a test that moves 48 hours in one
/// step sees every deadline fire at its instant. Microsoft.Extensions.TimeProvider.Testing 10.0.0 does not: tried on
/// our deadline scheduler, a timer due 10 ms into a 100 ms step fired seeing 100 ms (every breach would read late), and it
/// calls a zero-due timer back inside <c>Change</c>, under the caller's locks. Here a timer armed for "now" fires at once
/// on the thread pool, as a real timer does. Thread-safe.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;
    private long _timestampTicks;

    /// <summary>Starts at <paramref name="start"/> (default 2026-11-02T09:00:00+08:00).</summary>
    public FakeTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now.ToUniversalTime();
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp()
    {
        lock (_gate) return _timestampTicks;
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves time forward, firing every timer that falls due on the way, in due order, at its due time.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delta), "time only moves forward");
        DateTimeOffset target;
        lock (_gate) target = _now + delta;
        while (true)
        {
            FakeTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Order).FirstOrDefault();
                if (next is null)
                {
                    _timestampTicks += (target - _now).Ticks;
                    _now = target;
                    return;
                }
                if (next.DueAt > _now)
                {
                    _timestampTicks += (next.DueAt - _now).Ticks;
                    _now = next.DueAt;
                }
                next.Rearm();
            }
            next.Fire();
        }
    }

    /// <summary>Sets the clock to <paramref name="when"/> (forward only), firing due timers.</summary>
    public void SetUtcNow(DateTimeOffset when) => Advance(when - GetUtcNow());

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private long _order;

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt;
        public long Order;
        private TimeSpan _period;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan) return true;
                if (dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime));
                DueAt = owner._now + dueTime;
                _period = period;
                Order = ++owner._order;
                owner._timers.Add(this);
                if (dueTime > TimeSpan.Zero) return true;
                // Due now: fire like a real timer, at once and on another thread (never inline: the caller may hold locks).
                Rearm();
            }
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), this, preferLocal: false);
            return true;
        }

        // Called under the owner's lock just before firing.
        public void Rearm()
        {
            owner._timers.Remove(this);
            if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
            {
                DueAt += _period;
                Order = ++owner._order;
                owner._timers.Add(this);
            }
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate) owner._timers.Remove(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
