using Realtime.Benchmarks;
using Realtime.Domain.Events;
using Realtime.Grains.Live;

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
        var stream = MixedFloorStream.Generate(events, agents, teams).ToArray();
        await using var host = await MixedStreamHost.StartAsync(notifier);

        var accepted = await host.PostAsync(stream.Chunk(batch).ToArray(), concurrency);

        Assert.Equal(events, accepted);
        Assert.Equal(stream.Count(e => e.Type == EventType.ComplaintOpened), await host.ComplaintsOpenedAsync(teams));
        Assert.True(notifier.Count > 0, "scores and KPIs were pushed");
    }

    private sealed class CountingNotifier : ILiveNotifier
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Publish(LiveMessage message) => Interlocked.Increment(ref _count);
    }
}
