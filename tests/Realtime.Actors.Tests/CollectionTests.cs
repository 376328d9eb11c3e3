using Realtime.Testing;

namespace Realtime.Actors.Tests;

public sealed class CollectionTests
{
    [Fact]
    public async Task An_activation_idle_for_the_collection_age_leaves_memory()
    {
        await using var host = new TestHost();
        var id = host.Id<ITimerGrain>("idle");
        await host.Grain<ITimerGrain>("idle").Ticks();

        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(host.Host.IsActive(id));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
        await Eventually.True(() => !host.Host.IsActive(id), "the idle activation to leave");
        Assert.Equal(0, host.Host.ActivationCount);
    }

    [Fact]
    public async Task A_grain_type_with_its_own_collection_age_leaves_sooner_than_the_others()
    {
        await using var host = new TestHost(o => o.ClassSpecificCollectionAge["timer"] = TimeSpan.FromMinutes(2));
        var (timer, turn) = (host.Id<ITimerGrain>("short"), host.Id<ITurnGrain>("default"));
        await host.Grain<ITimerGrain>("short").Ticks();
        await host.Grain<ITurnGrain>("default").Turns();

        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(host.Host.IsActive(timer));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"deactivate:{timer}:Idle");
        await Eventually.True(() => !host.Host.IsActive(timer), "the timer grain to leave");
        Assert.True(host.Host.IsActive(turn));

        host.Time.Advance(TimeSpan.FromMinutes(8));
        await Eventually.True(() => !host.Host.IsActive(turn), "the turn grain to leave at the default age");
    }

    [Fact]
    public async Task A_call_restarts_the_idle_clock()
    {
        await using var host = new TestHost();
        var id = host.Id<ITimerGrain>("touched");
        var grain = host.Grain<ITimerGrain>("touched");
        await grain.Ticks();

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await grain.Ticks();
        host.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(host.Host.IsActive(id));
        Assert.Equal(0, host.Journal.CountOf($"deactivate:{id}:Idle"));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
    }

    [Fact]
    public async Task State_written_on_deactivation_is_read_back_by_the_next_activation()
    {
        await using var host = new TestHost();
        var id = host.Id<ICounterGrain>("kept");
        var grain = host.Grain<ICounterGrain>("kept");
        await grain.Add(5);

        await grain.Deactivate();
        await host.Journal.WaitFor($"deactivate:{id}:Requested");
        await Eventually.True(() => !host.Host.IsActive(id), "the activation to leave");
        await grain.Add(2);

        Assert.Equal(7, await grain.Get());
        Assert.Equal(2, host.Journal.CountOf($"activate:{id}"));
    }

    [Fact]
    public async Task Calls_racing_with_deactivation_are_neither_lost_nor_reordered()
    {
        await using var host = new TestHost();
        var id = host.Id<ICounterGrain>("raced");
        var grain = host.Grain<ICounterGrain>("raced");

        var adders = Enumerable.Range(0, 8).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 250; i++)
            {
                await grain.Add(1);
                if (i % 25 == 0) _ = grain.Deactivate();
            }
        }));
        var collector = Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                host.Host.CollectIdleActivations(TimeSpan.Zero);
                await Task.Yield();
            }
        });
        await Task.WhenAll(adders.Append(collector));

        Assert.Equal(2_000, await grain.Get());
        Assert.True(host.Journal.CountOf($"activate:{id}") > 1, "the grain should have been deactivated at least once");
    }

    [Fact]
    public async Task A_sender_s_calls_stay_in_order_across_a_deactivation()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ICounterGrain>("ordered");
        var id = host.Id<ICounterGrain>("ordered");
        await grain.Append(-1);

        // Calls queued behind a requested deactivation move to the next activation ahead of anything sent later.
        var inFlight = new List<Task>();
        for (var round = 0; round < 20; round++)
        {
            inFlight.Add(grain.Deactivate());
            for (var i = 0; i < 50; i++) inFlight.Add(grain.Append(round * 50 + i));
        }
        await Task.WhenAll(inFlight);

        var log = await grain.Log();
        Assert.Equal(Enumerable.Range(0, 1_000).Prepend(-1), log);
        Assert.True(host.Journal.CountOf($"deactivate:{id}:Requested") >= 1);
    }

    [Fact]
    public async Task The_collector_does_not_queue_another_deactivation_behind_one_still_leaving()
    {
        await using var host = new TestHost();
        var id = host.Id<IFlakyGrain>("slow-to-leave");
        Assert.Equal(1, await host.Grain<IFlakyGrain>("slow-to-leave").Ping());
        host.Controls.HoldDeactivation = true;

        Assert.Equal(1, host.Host.CollectIdleActivations(TimeSpan.Zero));
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
        // Still writing its last state: the next quanta find it idle again but leave it be.
        Assert.Equal(0, host.Host.CollectIdleActivations(TimeSpan.Zero));
        Assert.Equal(0, host.Host.CollectIdleActivations(TimeSpan.Zero));

        host.Controls.Open($"deactivation:{id}");
        await Eventually.True(() => !host.Host.IsActive(id), "the activation to leave");
        Assert.Equal(1, host.Journal.CountOf($"deactivate:{id}:Idle"));
        host.Controls.HoldDeactivation = false;
        Assert.Equal(1, await host.Grain<IFlakyGrain>("slow-to-leave").Ping());
    }

    [Fact]
    public async Task A_deactivation_dropped_because_a_call_came_in_does_not_stop_later_collection()
    {
        await using var host = new TestHost();
        var id = host.Id<ITimerGrain>("busy-then-idle");
        var grain = host.Grain<ITimerGrain>("busy-then-idle");
        await grain.Start("t", TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        var holding = grain.WaitForGateThenStop("busy", "t");
        await host.Journal.WaitFor("holding:busy");

        // Queued behind the running turn, with a call behind it: when its turn comes the grain is busy, so it stays.
        Assert.Equal(1, host.Host.CollectIdleActivations(TimeSpan.Zero));
        var call = grain.Ticks();
        host.Controls.Open("busy");
        await holding;
        await call;
        Assert.True(host.Host.IsActive(id));
        Assert.Equal(0, host.Journal.CountOf($"deactivate:{id}:Idle"));

        Assert.Equal(1, host.Host.CollectIdleActivations(TimeSpan.Zero));
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
        await Eventually.True(() => !host.Host.IsActive(id), "the activation to leave");
    }

    [Fact]
    public async Task A_failing_OnDeactivateAsync_still_lets_the_activation_leave()
    {
        await using var host = new TestHost();
        var id = host.Id<IFlakyGrain>("unflushed");
        var grain = host.Grain<IFlakyGrain>("unflushed");
        Assert.Equal(1, await grain.Ping());
        host.Controls.FailDeactivation = true;

        host.Host.CollectIdleActivations(TimeSpan.Zero);
        await host.Journal.WaitFor($"deactivate:{id}:Idle");
        await Eventually.True(() => !host.Host.IsActive(id), "the activation to leave");
        host.Controls.FailDeactivation = false;

        Assert.Equal(1, await grain.Ping());
        Assert.Equal(2, host.Journal.CountOf($"activate:{id}"));
    }
}
