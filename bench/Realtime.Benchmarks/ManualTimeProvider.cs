namespace Realtime.Benchmarks;

/// <summary>
/// A clock that never moves by itself and whose timers never fire by themselves: the benchmark moves time and
/// invokes the scheduler's wake-up explicitly, so only the scheduler's own work is measured.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];

    public DateTimeOffset Now { get; set; } = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_timers) _timers.Add((callback, state));
        return new InertTimer();
    }

    /// <summary>Fires every timer created so far, once (the scheduler decides itself what is due).</summary>
    public void FireAll()
    {
        (TimerCallback Callback, object? State)[] timers;
        lock (_timers) timers = [.. _timers];
        foreach (var (callback, state) in timers) callback(state);
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
