namespace Realtime.Actors.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Turns_of_one_activation_never_overlap_under_heavy_concurrent_calls()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITurnGrain>("busy");

        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1_000; i++) await grain.Enter();
        })));

        Assert.Equal(64_000, await grain.Turns());
        Assert.Equal(0, await grain.Overlaps());
    }

    [Fact]
    public async Task Calls_from_one_sender_arrive_in_send_order()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITurnGrain>("ordered");

        // Each sender fires its calls without awaiting them, so they are all in flight at once.
        var senders = Enumerable.Range(0, 8).Select(sender => Task.Run(() =>
            Task.WhenAll(Enumerable.Range(0, 500).Select(sequence => grain.Append(sender, sequence)).ToList()))).ToList();
        await Task.WhenAll(senders);

        for (var sender = 0; sender < 8; sender++)
            Assert.Equal(Enumerable.Range(0, 500), await grain.SequenceOf(sender));
    }

    [Fact]
    public async Task A_grain_is_activated_once_on_its_first_call_before_that_call_runs()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITurnGrain>("lazy");

        Assert.False(host.Host.IsActive(host.Id<ITurnGrain>("lazy")));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => grain.Enter()));

        Assert.True(host.Host.IsActive(host.Id<ITurnGrain>("lazy")));
        Assert.Equal(1, host.Journal.CountOf("activate:turn/lazy"));
        Assert.False(await grain.SawCallBeforeActivation());
        Assert.Equal(1, host.Host.ActivationCount);
    }

    [Fact]
    public async Task References_to_the_same_key_reach_the_same_activation()
    {
        await using var host = new TestHost();

        await host.Grain<ITurnGrain>("shared").Enter();
        await host.Grain<ITurnGrain>("shared").Enter();
        await host.Grain<ITurnGrain>("other").Enter();

        Assert.Equal(2, await host.Grain<ITurnGrain>("shared").Turns());
        Assert.Equal(2, host.Host.ActivationCount);
        Assert.Equal("turn/shared", host.Grain<ITurnGrain>("shared").ToString());
    }

    [Fact]
    public async Task A_throwing_turn_fails_only_its_own_call_and_the_activation_carries_on()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ITurnGrain>("faulty");
        await grain.Enter();

        var async = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAfterYield("boom"));
        var sync = await Assert.ThrowsAsync<ArgumentException>(() => grain.FailSynchronously("bang"));
        await grain.Enter();

        Assert.Equal("boom", async.Message);
        Assert.Equal("bang", sync.Message);
        Assert.Equal(2, await grain.Turns());
        Assert.Equal(1, host.Journal.CountOf("activate:turn/faulty"));
    }

    [Fact]
    public async Task A_failing_activation_fails_the_call_and_a_later_call_activates_afresh()
    {
        await using var host = new TestHost();
        host.Controls.FailNextActivations(1);
        var grain = host.Grain<IFlakyGrain>("flaky");

        var error = await Assert.ThrowsAsync<Hosting.GrainActivationException>(() => grain.Ping());

        Assert.Equal(host.Id<IFlakyGrain>("flaky"), error.GrainId);
        Assert.Equal("database unavailable", error.InnerException?.Message);
        Assert.Equal(1, await grain.Ping());
        Assert.Equal(2, await grain.Ping());
        Assert.Equal(1, host.Journal.CountOf("activate:flaky/flaky"));
    }

    [Fact]
    public async Task An_unregistered_grain_interface_is_refused_when_the_reference_is_made()
    {
        await using var host = new TestHost();

        var error = Assert.Throws<InvalidOperationException>(() => host.Host.GetGrain<IUnregisteredGrain>("x"));

        Assert.Contains(nameof(IUnregisteredGrain), error.Message);
    }

    /// <summary>A grain interface no implementation is registered for.</summary>
    public interface IUnregisteredGrain : IGrainWithStringKey
    {
        Task Ping();
    }
}
