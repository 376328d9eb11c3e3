using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realtime.Actors;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;

namespace Realtime.Benchmarks;

/// <summary>
/// The in-memory grain host the mixed stream runs through (journal, router, complaint, agent and team grains,
/// checkpoints), with the test's or benchmark's own <see cref="ILiveNotifier"/>: started, posted to by several clients
/// at once, asked what its teams counted, stopped.
/// </summary>
/// <remarks>Shared by the throughput driver and, linked, by the grain tests' end-to-end check.</remarks>
public sealed class MixedStreamHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private MixedStreamHost(ServiceProvider services, List<IHostedService> hosted)
    {
        _services = services;
        _hosted = hosted;
    }

    /// <summary>The ingest path every event takes.</summary>
    public IngestPipeline Pipeline => _services.GetRequiredService<IngestPipeline>();

    /// <summary>Builds and starts a host whose pushes go to <paramref name="notifier"/>.</summary>
    public static async Task<MixedStreamHost> StartAsync(ILiveNotifier notifier)
    {
        var services = new ServiceCollection()
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddSingleton(notifier)
            .AddLogging()
            .AddRealtimeGrains()
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        return new MixedStreamHost(services, hosted);
    }

    /// <summary>
    /// Posts <paramref name="batches"/> from <paramref name="clients"/> clients at once, each waiting for its answer
    /// before it posts the next batch; returns how many events were accepted.
    /// </summary>
    public async Task<int> PostAsync(IReadOnlyList<FloorEvent[]> batches, int clients)
    {
        var next = -1;
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count) Interlocked.Add(ref accepted, (await Pipeline.SubmitAsync(batches[i])).Accepted);
        }));
        return accepted;
    }

    /// <summary>The complaints opened this quarter as teams <c>T0</c> … <c>T{teams - 1}</c> counted them.</summary>
    public async Task<int> ComplaintsOpenedAsync(int teams)
    {
        var grains = _services.GetRequiredService<IGrainFactory>();
        var opened = 0;
        for (var t = 0; t < teams; t++) opened += (await grains.GetGrain<ITeamGrain>("T" + t).GetKpisAsync(ScorecardWindow.QuarterToDate))?.ComplaintsOpened ?? 0;
        return opened;
    }

    /// <summary>Stops the host (grains leave memory, the last checkpoint is written) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _hosted.Count - 1; i >= 0; i--) await _hosted[i].StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
