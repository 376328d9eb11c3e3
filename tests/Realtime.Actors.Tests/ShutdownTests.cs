namespace Realtime.Actors.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_deactivates_every_activation_and_keeps_their_state()
    {
        await using var host = new TestHost();
        for (var i = 0; i < 10; i++) await host.Grain<ICounterGrain>($"c{i}").Add(i);

        await host.Host.StopAsync();

        Assert.Equal(0, host.Host.ActivationCount);
        for (var i = 0; i < 10; i++) Assert.Equal(1, host.Journal.CountOf($"deactivate:counter/c{i}:Shutdown"));
        Assert.Equal(10, host.Storage.Count);
    }

    [Fact]
    public async Task Calls_queued_before_stopping_still_run()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ICounterGrain>("drained");
        var queued = Enumerable.Range(0, 100).Select(_ => grain.Add(1)).ToList();

        await host.Host.StopAsync();
        await Task.WhenAll(queued);

        var reader = new Persistence.PersistentState<CounterState>(host.Id<ICounterGrain>("drained"), host.Storage, new(System.Text.Json.JsonSerializerDefaults.Web));
        await reader.ReadStateAsync();
        Assert.Equal(100, reader.State.Value);
    }

    [Fact]
    public async Task Calls_after_stopping_fail_clearly()
    {
        await using var host = new TestHost();
        var grain = host.Grain<ICounterGrain>("late");
        await grain.Add(1);

        await host.Host.StopAsync();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => grain.Add(1));
        Assert.Contains("stopped", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.Grain<ICounterGrain>("new").Get());
        Assert.Equal(0, host.Host.ActivationCount);
    }

    [Fact]
    public async Task Stopping_twice_is_harmless()
    {
        await using var host = new TestHost();
        await host.Grain<ICounterGrain>("twice").Add(1);

        await host.Host.StopAsync();
        await host.Host.StopAsync();

        Assert.Equal(1, host.Journal.CountOf("deactivate:counter/twice:Shutdown"));
    }
}
