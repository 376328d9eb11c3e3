using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;

namespace Realtime.Benchmarks;

/// <summary>The JSON shape grains persist with (camelCase, nulls omitted), without referencing the grains project.</summary>
internal static class StateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}

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
    private FloorEvent[] _mixed = null!;
    private byte[] _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _activity = ScorecardFootprint.History("A1", 90, Now);
        _service = new FloorEvent { Id = "s", Type = EventType.ServiceHandled, OccurredAt = Now, AgentId = "A1", TeamId = "T1", FirstContactResolved = true, ResponseSeconds = 42 };
        _mixed =
        [
            _service,
            _service with { Id = "s2", FirstContactResolved = false, ResponseSeconds = 75.5 },
            new FloorEvent { Id = "v", Type = EventType.SurveySubmitted, OccurredAt = Now, AgentId = "A1", Score = 88 },
            new FloorEvent { Id = "p", Type = EventType.PraiseReceived, OccurredAt = Now, AgentId = "A1" },
            new FloorEvent { Id = "f", Type = EventType.FollowupCompleted, OccurredAt = Now, AgentId = "A1", CustomerId = "C1", VisitedAt = Now.AddHours(-2) },
            // Late and out of order: lands in a bucket two weeks back.
            _service with { Id = "s3", OccurredAt = Now.AddDays(-14) },
            new FloorEvent { Id = "r", Type = EventType.AgentRated, OccurredAt = Now, AgentId = "A1", Indicator = IndicatorIds.KnowledgeTest, Value = 91 },
            new FloorEvent { Id = "o", Type = EventType.ComplaintOpened, OccurredAt = Now, AgentId = "A1" },
        ];
        _json = JsonSerializer.SerializeToUtf8Bytes(_activity, StateJson.Options);
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

    /// <summary><see cref="AgentActivity.Record"/> alone: one service into today's bucket (the replay and ingest path per event).</summary>
    [Benchmark]
    public bool RecordService() => _activity.Record(_service);

    /// <summary><see cref="AgentActivity.Record"/> over a mix of 8 events (every kind, one late, one rating, one it ignores); per op, not per event.</summary>
    [Benchmark]
    public int RecordMixedEight()
    {
        var changed = 0;
        foreach (var e in _mixed) changed += _activity.Record(e) ? 1 : 0;
        return changed;
    }

    /// <summary>Serializing the agent's state, as the grain stages it after each change.</summary>
    [Benchmark]
    public int SerializeHistory() => JsonSerializer.SerializeToUtf8Bytes(_activity, StateJson.Options).Length;

    /// <summary>Loading the agent's state, as the grain does on activation.</summary>
    [Benchmark]
    public int DeserializeHistory() => JsonSerializer.Deserialize<AgentActivity>(_json, StateJson.Options)!.AgentId.Length;
}

/// <summary>Bytes per agent with a long history: serialized (what is stored) and in memory, built event by event and loaded from storage.</summary>
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

    /// <summary>
    /// Prints, for 30 and 90 days of history, the serialized bytes and the managed heap held per agent
    /// (<see cref="GC.GetTotalMemory"/> after a full collection, before and after holding <paramref name="agents"/> agents,
    /// the array holding them excluded): once built event by event (what a grain that saw the events holds) and once
    /// loaded from the stored JSON (what a grain holds after activation; agent ids are then its own strings).
    /// </summary>
    public static void Run(int agents = 10_000)
    {
        var now = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.FromHours(8));
        foreach (var days in new[] { 30, 90 })
        {
            var serialized = JsonSerializer.SerializeToUtf8Bytes(History("A1", days, now), StateJson.Options).Length;
            var keep = new AgentActivity[agents];
            var built = Held(keep, i => History("A" + i, days, now));
            var stored = keep.Select(a => JsonSerializer.SerializeToUtf8Bytes(a, StateJson.Options)).ToArray();
            Array.Clear(keep);
            var loaded = Held(keep, i => JsonSerializer.Deserialize<AgentActivity>(stored[i], StateJson.Options)!);
            Console.WriteLine($"{days} days of history: {serialized:N0} bytes serialized; in memory per agent {built:N0} bytes built from events, {loaded:N0} bytes loaded from storage ({agents:N0} agents)");
            GC.KeepAlive(stored);
        }
    }

    private static long Held(AgentActivity[] keep, Func<int, AgentActivity> create)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < keep.Length; i++) keep[i] = create(i);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(keep);
        return (after - before) / keep.Length;
    }
}
