using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realtime.Benchmarks;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Tests;

/// <summary>
/// The mixed floor stream of the throughput benchmark (<c>bench/Realtime.Benchmarks -- mixed-stream</c>), small and
/// untimed: many requests in flight at once through the whole in-memory pipeline lose nothing on the way to the teams.
/// </summary>
public sealed class MixedStreamTests
{
    [Fact]
    public async Task A_mixed_stream_for_10000_agents_in_50_teams_reaches_every_team()
    {
        const int events = 20_000, batch = 1_000, concurrency = 4, agents = 10_000, teams = 50;
        var notifier = new CountingNotifier();
        await using var services = new ServiceCollection()
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddSingleton<ILiveNotifier>(notifier)
            .AddLogging()
            .AddRealtimeGrains()
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        var pipeline = services.GetRequiredService<IngestPipeline>();
        var stream = MixedFloorStream.Generate(events, agents, teams).ToArray();
        var batches = stream.Chunk(batch).ToArray();

        var next = -1;
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length) Interlocked.Add(ref accepted, (await pipeline.SubmitAsync(batches[i])).Accepted);
        }));

        Assert.Equal(events, accepted);
        var grains = services.GetRequiredService<Actors.IGrainFactory>();
        var opened = 0;
        for (var t = 0; t < teams; t++) opened += (await grains.GetGrain<ITeamGrain>("T" + t).GetKpisAsync(ScorecardWindow.QuarterToDate))?.ComplaintsOpened ?? 0;
        Assert.Equal(stream.Count(e => e.Type == EventType.ComplaintOpened), opened);
        for (var i = hosted.Count - 1; i >= 0; i--) await hosted[i].StopAsync(CancellationToken.None);
        Assert.True(notifier.Count > 0, "scores and KPIs were pushed");
    }

    private sealed class CountingNotifier : ILiveNotifier
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Publish(LiveMessage message) => Interlocked.Increment(ref _count);
    }
}
