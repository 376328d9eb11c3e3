using Realtime.Testing;

namespace Realtime.Actors.Tests;

public sealed class TimerTests
{
    private static readonly TimeSpan Once = Timeout.InfiniteTimeSpan;

    [Fact]
    public async Task Timers_fire_in_due_order()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("order");
        await grain.Start("third", TimeSpan.FromSeconds(3), Once);
        await grain.Start("first", TimeSpan.FromSeconds(1), Once);
        await grain.Start("second", TimeSpan.FromSeconds(2), Once);

        host.Time.Advance(TimeSpan.FromSeconds(5));

        // A call queues behind every tick the advance enqueued, so its answer sees them all.
        Assert.Equal(["first", "second", "third"], await grain.Ticks());
    }

    [Fact]
    public async Task A_timer_changed_to_a_due_time_of_zero_ticks_at_once_without_the_clock_moving()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("now");
        var start = host.Time.GetUtcNow();
        await grain.Start("t", TimeSpan.FromHours(1), Once);

        await grain.Change("t", TimeSpan.Zero, Once);
        await host.Journal.WaitFor($"tick:{host.Id<ITimerGrain>("now")}:t");

        Assert.Equal([start], await grain.TickTimes("t"));
        // It was moved, not duplicated: the old due time passing adds nothing (calls keep the grain from idle collection).
        for (var minutes = 0; minutes < 65; minutes += 5)
        {
            host.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.Single(await grain.TickTimes("t"));
        }
    }

    [Fact]
    public async Task A_timer_never_fires_before_its_due_time()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("punctual");
        var start = host.Time.GetUtcNow();
        await grain.Start("t", TimeSpan.FromSeconds(10), Once);

        host.Time.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        Assert.Empty(await grain.Ticks());

        host.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal([start.AddSeconds(10)], await grain.TickTimes("t"));
    }

    [Fact]
    public async Task A_periodic_timer_rearms_only_after_its_tick_has_ended()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("slow");
        var start = host.Time.GetUtcNow();
        await grain.StartGated("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.Journal.WaitFor("tick-start:t:1");
        // While the first tick is still running, its period passes many times: no second tick may start.
        host.Time.Advance(TimeSpan.FromSeconds(5));
        host.Controls.Open("t:1");
        var ticks = await grain.TickTimes("t");

        Assert.Equal([start.AddSeconds(1)], ticks);
        Assert.Equal(0, host.Journal.CountOf("tick-start:t:2"));

        // The next tick is one period after the first one ended (at +6 s), not on the original grid.
        host.Time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.Single(await grain.TickTimes("t"));
        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.Journal.WaitFor("tick-start:t:2");
        host.Controls.Open("t:2");
        Assert.Equal([start.AddSeconds(1), start.AddSeconds(7)], await grain.TickTimes("t"));
    }

    [Fact]
    public async Task A_timer_tick_is_a_turn_and_never_overlaps_calls()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITurnGrain>("ticking");
        await grain.StartTicking(TimeSpan.FromMilliseconds(1));

        var calls = Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++) await grain.Enter();
        })));
        while (!calls.IsCompleted) host.Time.Advance(TimeSpan.FromMilliseconds(1));
        await calls;

        Assert.True(await grain.Ticks() > 0);
        Assert.Equal(0, await grain.Overlaps());
    }

    [Fact]
    public async Task Changing_a_timer_moves_its_next_tick_and_period()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("changed");
        var start = host.Time.GetUtcNow();
        await grain.Start("t", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

        await grain.Change("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await grain.Ticks();
        host.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([start.AddSeconds(1), start.AddSeconds(3)], await grain.TickTimes("t"));
    }

    [Fact]
    public async Task A_disposed_timer_stops_ticking()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("stopped");
        await grain.Start("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await grain.Ticks());

        await grain.Stop("t");
        host.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(await grain.Ticks());
    }

    [Fact]
    public async Task A_tick_already_queued_when_its_timer_is_disposed_does_not_run()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("queued");
        await grain.Start("t", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var holding = grain.WaitForGateThenStop("release", "t");
        await host.Journal.WaitFor("holding:release");

        // The tick is queued behind the running call, which disposes the timer before the tick's turn comes.
        host.Time.Advance(TimeSpan.FromSeconds(1));
        host.Controls.Open("release");
        await holding;

        Assert.Empty(await grain.Ticks());
    }

    [Fact]
    public async Task Timers_die_with_their_activation()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITimerGrain>("mortal");
        await grain.Start("t", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

        await grain.Deactivate();
        await host.Journal.WaitFor("deactivate:timer/mortal:Requested");
        await Eventually.True(() => !host.Host.IsActive(host.Id<ITimerGrain>("mortal")), "the activation to leave");
        host.Time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(host.Host.IsActive(host.Id<ITimerGrain>("mortal")));
        Assert.Equal(0, host.Journal.CountOf("tick:timer/mortal:t"));
        Assert.Equal(0, host.Host.Scheduler.Count - PendingCollectorEntries);
    }

    [Fact]
    public async Task Timer_ticks_do_not_keep_an_activation_alive_unless_asked_to()
    {
        await using var host = new TestHost();
        var idle = host.Grain<ITimerGrain>("idle");
        var kept = host.Grain<ITimerGrain>("kept");
        await idle.Start("t", TimeSpan.FromMinutes(9), Once);
        await kept.Start("t", TimeSpan.FromMinutes(9), Once, keepAlive: true);

        host.Time.Advance(TimeSpan.FromMinutes(9));
        await host.Journal.WaitFor("tick:timer/idle:t");
        await host.Journal.WaitFor("tick:timer/kept:t");
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor("deactivate:timer/idle:Idle");

        Assert.True(host.Host.IsActive(host.Id<ITimerGrain>("kept")));
        Assert.Equal(0, host.Journal.CountOf("deactivate:timer/kept:Idle"));

        // Ten minutes after its tick, the kept grain is idle too.
        host.Time.Advance(TimeSpan.FromMinutes(9));
        await host.Journal.WaitFor("deactivate:timer/kept:Idle");
    }

    /// <summary>The idle collector keeps one entry in the shared scheduler.</summary>
    private const int PendingCollectorEntries = 1;
}
