using Microsoft.Extensions.Logging.Abstractions;
using Realtime.Grains.Deadlines;
using Realtime.Testing;

namespace Realtime.Grains.Tests;

public sealed class TimerSchedulerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Recorder _fired;

    public TimerSchedulerTests() => _fired = new Recorder(_time);

    [Fact]
    public void Entries_fire_in_due_order_at_their_instants_and_never_before()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var start = _time.GetUtcNow();
        var random = new Random(7);
        var dues = Enumerable.Range(0, 2_000).Select(_ => start.AddMilliseconds(random.Next(1, 60_000))).ToList();
        foreach (var due in dues) scheduler.Schedule(due, _fired);

        for (var step = 0; step < 600; step++) _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(dues.Order(), _fired.Dues);
        Assert.All(_fired.Calls, call => Assert.Equal(call.Due, call.At));
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void Entries_scheduled_together_fire_in_due_order_among_those_scheduled_one_by_one()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var start = _time.GetUtcNow();
        var random = new Random(11);
        var single = Enumerable.Range(0, 500).Select(_ => start.AddMilliseconds(random.Next(1, 60_000))).ToList();
        foreach (var due in single) scheduler.Schedule(due, _fired);
        scheduler.Cancel(scheduler.Schedule(start.AddSeconds(30), _fired));
        var together = Enumerable.Range(0, 5_000).Select(_ => start.AddMilliseconds(random.Next(1, 60_000))).ToList();

        var entries = scheduler.ScheduleMany([.. together.Select(d => (d, (ITimerTarget)_fired))]);
        for (var step = 0; step < 600; step++) _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(together, entries.Select(e => e.DueAt));
        Assert.Equal(single.Concat(together).Order(), _fired.Dues);
        Assert.All(_fired.Calls, call => Assert.Equal(call.Due, call.At));
    }

    [Fact]
    public void A_cancelled_entry_never_fires_and_the_others_still_do()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var start = _time.GetUtcNow();
        var entries = Enumerable.Range(1, 5_000).Select(i => scheduler.Schedule(start.AddSeconds(i), _fired)).ToList();

        // Cancelling most of them also exercises the heap rebuild that drops cancelled entries.
        foreach (var entry in entries.Where((_, i) => i % 10 != 0)) scheduler.Cancel(entry);
        Assert.True(scheduler.Count < 5_000);
        _time.Advance(TimeSpan.FromSeconds(5_000));

        Assert.Equal(entries.Where((_, i) => i % 10 == 0).Select(e => e.DueAt), _fired.Dues);
    }

    [Fact]
    public void Cancelling_after_firing_has_no_effect()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var entry = scheduler.Schedule(_time.GetUtcNow().AddSeconds(1), _fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        scheduler.Cancel(entry);
        scheduler.Schedule(_time.GetUtcNow().AddSeconds(1), _fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(2, _fired.Dues.Count);
    }

    [Fact]
    public async Task An_entry_due_in_the_past_fires_at_once_without_waiting_for_the_clock_to_move()
    {
        // A grain turn that runs after the clock moved may schedule an instant already passed (a deadline met while it
        // was busy): it must fire now, not at some later wake.
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var now = _time.GetUtcNow();

        scheduler.Schedule(now.AddHours(-1), _fired);

        Assert.Equal([(now.AddHours(-1), now)], await _fired.WaitForAsync(1));
    }

    [Fact]
    public void An_earlier_entry_scheduled_later_rearms_the_wake_up()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var start = _time.GetUtcNow();
        scheduler.Schedule(start.AddMinutes(10), _fired);

        scheduler.Schedule(start.AddSeconds(1), _fired);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal([(start.AddSeconds(1), start.AddSeconds(1))], _fired.Calls);
    }

    [Fact]
    public void A_failing_target_does_not_stop_the_others()
    {
        using var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        var start = _time.GetUtcNow();
        scheduler.Schedule(start.AddSeconds(1), new Throwing());
        scheduler.Schedule(start.AddSeconds(1), _fired);
        scheduler.Schedule(start.AddSeconds(2), _fired);

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(2, _fired.Dues.Count);
    }

    [Fact]
    public void Scheduling_on_a_disposed_scheduler_fails_clearly()
    {
        var scheduler = new TimerScheduler(_time, NullLogger<TimerScheduler>.Instance);
        scheduler.Dispose();

        Assert.Throws<ObjectDisposedException>(() => scheduler.Schedule(_time.GetUtcNow(), _fired));
    }

    /// <summary>Records each call with the due instant and the clock reading at the call (the fake clock stops at each wake).</summary>
    private sealed class Recorder(TimeProvider clock) : ITimerTarget
    {
        private readonly List<(DateTimeOffset Due, DateTimeOffset At)> _calls = [];
        private readonly SemaphoreSlim _called = new(0);

        public List<(DateTimeOffset Due, DateTimeOffset At)> Calls
        {
            get { lock (_calls) return [.. _calls]; }
        }

        public List<DateTimeOffset> Dues => [.. Calls.Select(c => c.Due)];

        /// <summary>Waits (up to 10 s) until <paramref name="count"/> calls have been made; the calls so far.</summary>
        public async Task<List<(DateTimeOffset Due, DateTimeOffset At)>> WaitForAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(10)), $"only {i} of {count} entries fired");
            }
            return Calls;
        }

        public void OnDue(ScheduledTimer timer)
        {
            lock (_calls) _calls.Add((timer.DueAt, clock.GetUtcNow()));
            _called.Release();
        }
    }

    private sealed class Throwing : ITimerTarget
    {
        public void OnDue(ScheduledTimer timer) => throw new InvalidOperationException("target failed");
    }
}
