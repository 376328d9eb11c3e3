using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Realtime.Grains;

namespace Realtime.Benchmarks;

internal sealed class PingGrain : Grain, IPingGrain
{
    private int _count;

    public Task Ping()
    {
        _count++;
        return Task.CompletedTask;
    }

    public Task<int> Count() => Task.FromResult(_count);
}

[Orleans.Placement.PreferLocalPlacement]
internal sealed class LocallyPlacedPingGrain : Grain, ILocallyPlacedPingGrain
{
    public Task Ping() => Task.CompletedTask;
}

/// <summary>
/// Grain turns per second through one Orleans silo, in process: 1,000 activated grains and <see cref="CallsInFlight"/> calls
/// issued before any is awaited (many callers), or 64 callers each awaiting every call (request/response).
/// One operation is one turn, so turns/s = 1e9 / (ns per op). <see cref="FirstCallsToNewGrains"/> measures what a new
/// complaint pays before any of our code runs: each operation activates a grain that did not exist.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GrainTurnBenchmarks
{
    private const int Grains = 1_000;
    private const int CallsInFlight = 100_000;
    private const int Callers = 64;
    private const int CallsPerCaller = 1_000;
    private const int NewGrainsPerInvoke = 20_000;

    private IHost _host = null!;
    private IPingGrain[] _grains = null!;
    private Task[] _inFlight = null!;
    private IGrainFactory _factory = null!;
    private int _nextNewGrain;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: 11_911, gatewayPort: 0));
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        var factory = _factory = _host.Services.GetRequiredService<IGrainFactory>();
        _grains = [.. Enumerable.Range(0, Grains).Select(i => factory.GetGrain<IPingGrain>($"g{i}"))];
        _inFlight = new Task[CallsInFlight];
        Task.WhenAll(_grains.Select(g => g.Ping())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(OperationsPerInvoke = CallsInFlight, Description = "100k calls in flight over 1,000 grains")]
    public Task ManyCallsInFlight()
    {
        for (var i = 0; i < CallsInFlight; i++) _inFlight[i] = _grains[i % Grains].Ping();
        return Task.WhenAll(_inFlight);
    }

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller, Description = "64 callers awaiting each call")]
    public Task AwaitedCalls() => Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
    {
        for (var i = 0; i < CallsPerCaller; i++) await _grains[(caller * 7 + i) % Grains].Ping();
    })));

    [Benchmark(OperationsPerInvoke = NewGrainsPerInvoke, Description = "first call to a new grain, 20k in flight")]
    public Task FirstCallsToNewGrains() => FirstCalls(key => _factory.GetGrain<IPingGrain>(key).Ping());

    [Benchmark(OperationsPerInvoke = NewGrainsPerInvoke, Description = "the same, placed locally")]
    public Task FirstCallsToNewLocallyPlacedGrains() => FirstCalls(key => _factory.GetGrain<ILocallyPlacedPingGrain>(key).Ping());

    private Task FirstCalls(Func<string, Task> ping)
    {
        var calls = new Task[NewGrainsPerInvoke];
        for (var i = 0; i < calls.Length; i++) calls[i] = ping($"new-{_nextNewGrain++}");
        return Task.WhenAll(calls);
    }
}
