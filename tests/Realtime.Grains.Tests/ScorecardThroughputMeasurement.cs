using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;
using Xunit.Abstractions;

namespace Realtime.Grains.Tests;

/// <summary>
/// Not a performance assertion: end to end in memory, a mixed stream for 10,000 agents in 50 teams through
/// <see cref="IngestPipeline"/> (journal, router, complaint, agent and team grains, checkpoint staging, push publication),
/// timed with a stopwatch and written to the test output; checks every complaint opened reached its team.
/// Set <c>REALTIME_THROUGHPUT_EVENTS</c> for a longer run.
/// </summary>
public sealed class ScorecardThroughputMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task A_mixed_stream_for_10000_agents_in_50_teams_reaches_every_team()
    {
        var events = int.TryParse(Environment.GetEnvironmentVariable("REALTIME_THROUGHPUT_EVENTS"), out var n) ? n : 20_000;
        const int batch = 5_000, concurrency = 8, agents = 10_000, teams = 50;
        var services = new ServiceCollection()
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddSingleton<ILiveNotifier, CountingNotifier>()
            .AddLogging()
            .AddRealtimeGrains()
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        var pipeline = services.GetRequiredService<IngestPipeline>();
        var stream = Stream(events, agents, teams).ToArray();
        var batches = stream.Chunk(batch).ToArray();

        // Warm-up activates every agent and team grain, so the timed part measures steady-state throughput.
        await pipeline.SubmitAsync(Stream(agents, agents, teams, "w").ToArray());
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Length) await pipeline.SubmitAsync(batches[i]);
        }));
        clock.Stop();
        var notifier = (CountingNotifier)services.GetRequiredService<ILiveNotifier>();
        output.WriteLine($"{events:N0} events, {agents:N0} agents, {teams} teams: {clock.Elapsed.TotalSeconds:F2} s, {events / clock.Elapsed.TotalSeconds:N0} events/s, {notifier.Count:N0} pushes published");
        var grains = services.GetRequiredService<Actors.IGrainFactory>();
        var opened = 0;
        for (var t = 0; t < teams; t++) opened += (await grains.GetGrain<ITeamGrain>("T" + t).GetKpisAsync(ScorecardWindow.QuarterToDate))?.ComplaintsOpened ?? 0;
        Assert.Equal(stream.Concat(Stream(agents, agents, teams, "w")).Count(e => e.Type == EventType.ComplaintOpened), opened);
        for (var i = hosted.Count - 1; i >= 0; i--) await hosted[i].StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    /// <summary>The mix: 60 % services, 15 % surveys, 5 % praise, 5 % follow-ups, 2 % ratings, 13 % complaint events (open, respond, resolve).</summary>
    private static IEnumerable<FloorEvent> Stream(int count, int agents, int teams, string prefix = "e")
    {
        var random = new Random(7);
        // Live events: stamped around now, so complaint clocks run instead of all breaching on arrival.
        var start = DateTimeOffset.UtcNow;
        var open = new Queue<(string Id, string Agent, int Step)>();
        for (var n = 0; n < count; n++)
        {
            var a = random.Next(agents);
            var agent = "A" + a;
            var team = "T" + a % teams;
            var at = start.AddTicks(n * 10L);
            var id = prefix + n;
            var roll = random.Next(100);
            yield return roll switch
            {
                < 60 => new FloorEvent { Id = id, Type = EventType.ServiceHandled, OccurredAt = at, AgentId = agent, TeamId = team, FirstContactResolved = roll % 4 != 0, ResponseSeconds = 30 + roll },
                < 75 => new FloorEvent { Id = id, Type = EventType.SurveySubmitted, OccurredAt = at, AgentId = agent, Score = 60 + roll % 40 },
                < 80 => new FloorEvent { Id = id, Type = EventType.PraiseReceived, OccurredAt = at, AgentId = agent },
                < 85 => new FloorEvent { Id = id, Type = EventType.FollowupCompleted, OccurredAt = at, AgentId = agent, CustomerId = "CU" + random.Next(200_000), VisitedAt = at.AddHours(-2) },
                < 87 => new FloorEvent { Id = id, Type = EventType.AgentRated, OccurredAt = at, AgentId = agent, Indicator = IndicatorIds.KnowledgeTest, Value = 60 + roll },
                _ => ComplaintEvent(id, at, agent, team, open),
            };
        }
    }

    private static FloorEvent ComplaintEvent(string id, DateTimeOffset at, string agent, string team, Queue<(string Id, string Agent, int Step)> open)
    {
        if (open.Count < 2_000 || !open.TryDequeue(out var c))
        {
            var complaintId = "C" + id;
            open.Enqueue((complaintId, agent, 1));
            return new FloorEvent { Id = id, Type = EventType.ComplaintOpened, OccurredAt = at, ComplaintId = complaintId, TeamId = team, AgentId = agent, AboutAgentId = agent, Category = "claims", CustomerId = "CU" + id };
        }
        if (c.Step == 1)
        {
            open.Enqueue((c.Id, c.Agent, 2));
            return new FloorEvent { Id = id, Type = EventType.ComplaintResponded, OccurredAt = at, ComplaintId = c.Id, AgentId = c.Agent };
        }
        return new FloorEvent { Id = id, Type = EventType.ComplaintResolved, OccurredAt = at, ComplaintId = c.Id };
    }

    private sealed class CountingNotifier : ILiveNotifier
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public void Publish(LiveMessage message) => Interlocked.Increment(ref _count);
    }
}
