using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Ingest;
using Realtime.Grains.Live;

namespace Realtime.Benchmarks;

/// <summary>
/// What an agent grain does per change: record one event in a history of 90 days and recompute the three rolling
/// scorecards (today, 7d, qtd) it compares against the last push.
/// </summary>
[MemoryDiagnoser]
public class ScorecardRecomputeBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 15, 0, 0, TimeSpan.FromHours(8));
    private AgentActivity _activity = null!;
    private FloorEvent _service = null!;

    [GlobalSetup]
    public void Setup()
    {
        _activity = ScorecardFootprint.History("A1", 90, Now);
        _service = new FloorEvent { Id = "s", Type = EventType.ServiceHandled, OccurredAt = Now, AgentId = "A1", TeamId = "T1", FirstContactResolved = true, ResponseSeconds = 42 };
    }

    /// <summary>Record one service and recompute all three windows.</summary>
    [Benchmark]
    public double? RecordAndRecomputeThreeWindows()
    {
        _activity.Record(_service);
        double? sum = 0;
        foreach (var window in ScorecardWindows.All) sum += AgentScorecard.Compute(_activity, window, Now, Rubric.Default, _activity.Calendar).Total ?? 0;
        return sum;
    }

    /// <summary>Only the quarter-to-date window (the widest: about 80 daily buckets).</summary>
    [Benchmark]
    public double? RecomputeQuarterToDate() => AgentScorecard.Compute(_activity, ScorecardWindow.QuarterToDate, Now, Rubric.Default, _activity.Calendar).Total;

    /// <summary>Serializing the agent's state, as the grain stages it after each change.</summary>
    [Benchmark]
    public int SerializeHistory() => JsonSerializer.SerializeToUtf8Bytes(_activity, GrainJson.Options).Length;
}

/// <summary>Bytes per agent with a long history: serialized (what is stored) and in memory (approximate, by GC accounting).</summary>
public static class ScorecardFootprint
{
    /// <summary>A busy agent's history over <paramref name="days"/> days ending at <paramref name="now"/>: 40 services, 8 surveys,
    /// 1 praise, 2 follow-ups and a complaint every day, and every manual indicator rated by supervisor and self.</summary>
    public static AgentActivity History(string agentId, int days, DateTimeOffset now)
    {
        var activity = new AgentActivity(agentId, CompanyCalendar.Default);
        var n = 0;
        FloorEvent E(EventType type, DateTimeOffset at) => new() { Id = "e" + n++, Type = type, OccurredAt = at, AgentId = agentId, TeamId = "T1" };
        for (var d = days - 1; d >= 0; d--)
        {
            var day = now.AddDays(-d);
            for (var i = 0; i < 40; i++) activity.Record(E(EventType.ServiceHandled, day.AddMinutes(-i)) with { FirstContactResolved = i % 4 != 0, ResponseSeconds = 20 + i });
            for (var i = 0; i < 8; i++) activity.Record(E(EventType.SurveySubmitted, day.AddMinutes(-i)) with { Score = 70 + i * 3 });
            activity.Record(E(EventType.PraiseReceived, day));
            for (var i = 0; i < 2; i++) activity.Record(E(EventType.FollowupCompleted, day) with { CustomerId = "CU" + i, VisitedAt = day.AddHours(-3) });
            activity.RecordComplaintAbout(day);
            activity.RecordFirstResponse(day, TimeSpan.FromSeconds(75));
        }
        foreach (var id in RubricDefaults.ManualIndicatorIds)
        {
            activity.Record(E(EventType.AgentRated, now) with { Indicator = id, Value = 85 });
            activity.Record(E(EventType.AgentRated, now) with { Indicator = id, Value = 90, Rater = Rater.Self });
        }
        return activity;
    }

    /// <summary>Prints serialized and in-memory bytes per agent for 30 and 90 days of history.</summary>
    public static void Run()
    {
        var now = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.FromHours(8));
        foreach (var days in new[] { 30, 90 })
        {
            var serialized = JsonSerializer.SerializeToUtf8Bytes(History("A1", days, now), GrainJson.Options).Length;
            const int agents = 1000;
            var keep = new AgentActivity[agents];
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < agents; i++) keep[i] = History("A" + i, days, now);
            var after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"{days} days of history: {serialized:N0} bytes serialized, ~{(after - before) / agents:N0} bytes in memory per agent");
            GC.KeepAlive(keep);
        }
    }
}

/// <summary>
/// End to end in memory: a mixed stream for 10,000 agents in 50 teams through <see cref="IngestPipeline"/> (journal,
/// router, complaint, agent and team grains, checkpoint staging, push publication), timed with a stopwatch.
/// </summary>
public static class ScorecardThroughput
{
    /// <summary>Submits <paramref name="events"/> events in requests of <paramref name="batch"/>, <paramref name="concurrency"/> in flight, and prints events per second.</summary>
    public static async Task RunAsync(int events = 1_000_000, int batch = 5_000, int concurrency = 8, int agents = 10_000, int teams = 50)
    {
        var services = new ServiceCollection()
            .AddSingleton(new SlaOptions().ToPolicy())
            .AddSingleton<ILiveNotifier, CountingNotifier>()
            .AddLogging()
            .AddRealtimeGrains()
            .BuildServiceProvider();
        var hosted = services.GetServices<IHostedService>().ToList();
        foreach (var h in hosted) await h.StartAsync(CancellationToken.None);
        var pipeline = services.GetRequiredService<IngestPipeline>();
        var stream = Stream(events, agents, teams);
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
        Console.WriteLine($"{events:N0} events, {agents:N0} agents, {teams} teams: {clock.Elapsed.TotalSeconds:F2} s, {events / clock.Elapsed.TotalSeconds:N0} events/s, {notifier.Count:N0} pushes published");
        for (var i = hosted.Count - 1; i >= 0; i--) await hosted[i].StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }

    /// <summary>The mix: 60 % services, 15 % surveys, 5 % praise, 5 % follow-ups, 2 % ratings, 13 % complaint events (open, respond, resolve).</summary>
    private static IEnumerable<FloorEvent> Stream(int count, int agents, int teams, string prefix = "e")
    {
        var random = new Random(7);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var open = new Queue<(string Id, string Agent, int Step)>();
        for (var n = 0; n < count; n++)
        {
            var a = random.Next(agents);
            var agent = "A" + a;
            var team = "T" + a % teams;
            var at = start.AddMilliseconds(n);
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
