using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;
using Realtime.Testing.Server;

namespace Realtime.Benchmarks;

/// <summary>
/// The in-memory grain host the mixed stream runs through (journal, router, complaint, agent and team grains,
/// checkpoints), with the test's or benchmark's own <see cref="ILiveNotifier"/>: started, posted to by several clients
/// at once, asked what its teams counted, stopped.
/// </summary>
/// <remarks>Shared by the throughput driver and, linked, by the grain tests' end-to-end check.</remarks>
public sealed class MixedStreamHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MixedStreamHost(IHost host) => _host = host;

    private IServiceProvider Services => _host.Services;

    /// <summary>The ingest path every event takes.</summary>
    public IngestPipeline Pipeline => Services.GetRequiredService<IngestPipeline>();

    /// <summary>Builds and starts a one-silo host (as the server hosts it, in memory) whose pushes go to <paramref name="notifier"/>.</summary>
    public static async Task<MixedStreamHost> StartAsync(ILiveNotifier notifier)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddSingleton(notifier)
            .AddRealtimeGrains();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreeTcpPort.Next(), gatewayPort: 0)
            .AddMemoryGrainStorageAsDefault());
        var host = builder.Build();
        await host.StartAsync();
        return new MixedStreamHost(host);
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
        var grains = Services.GetRequiredService<IGrainFactory>();
        var opened = 0;
        for (var t = 0; t < teams; t++) opened += (await grains.GetGrain<ITeamGrain>("T" + t).GetKpisAsync(ScorecardWindow.QuarterToDate))?.ComplaintsOpened ?? 0;
        return opened;
    }

    /// <summary>Stops the host (grains leave memory, the last checkpoint is written) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
