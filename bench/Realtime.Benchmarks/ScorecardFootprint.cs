using System.Text.Json;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;

namespace Realtime.Benchmarks;

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
