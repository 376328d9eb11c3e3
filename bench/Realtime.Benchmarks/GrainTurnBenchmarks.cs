using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Actors;

namespace Realtime.Benchmarks;

/// <summary>A grain that does nothing but take turns: what is measured is the host (reference, mailbox, scheduling, completion).</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task Ping();

    Task<int> Count();
}

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

/// <summary>
/// Grain turns per second through the host, in memory: 1,000 activated grains and <see cref="CallsInFlight"/> calls
/// issued before any is awaited (many callers), or 64 callers each awaiting every call (request/response).
/// One operation is one turn, so turns/s = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class GrainTurnBenchmarks
{
    private const int Grains = 1_000;
    private const int CallsInFlight = 100_000;
    private const int Callers = 64;
    private const int CallsPerCaller = 1_000;

    private ServiceProvider _services = null!;
    private GrainHost _host = null!;
    private IPingGrain[] _grains = null!;
    private Task[] _inFlight = null!;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddGrainHost();
        services.AddGrain<IPingGrain, PingGrain>("ping");
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<GrainHost>();
        _grains = [.. Enumerable.Range(0, Grains).Select(i => _host.GetGrain<IPingGrain>($"g{i}"))];
        _inFlight = new Task[CallsInFlight];
        Task.WhenAll(_grains.Select(g => g.Ping())).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.DisposeAsync().AsTask().GetAwaiter().GetResult();
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
}
