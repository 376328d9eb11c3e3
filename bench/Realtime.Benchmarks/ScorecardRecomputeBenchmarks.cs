using System.Text.Json;
using BenchmarkDotNet.Attributes;
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
