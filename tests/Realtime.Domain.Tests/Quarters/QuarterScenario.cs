using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Quarters;

/// <summary>A scripted 2026Q3 for a few agents, with hand-computed results (see each agent's comment).</summary>
public static class QuarterScenario
{
    public static readonly Quarter Q3 = new(2026, 3);
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static long _sequence;

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, Shanghai);

    public static FloorEvent Event(EventType type, DateTimeOffset at, Func<FloorEvent, FloorEvent>? with = null)
    {
        var e = new FloorEvent { Id = "e" + Interlocked.Increment(ref _sequence), Type = type, OccurredAt = at, Sequence = Interlocked.Read(ref _sequence) };
        return with is null ? e : with(e);
    }

    /// <summary>
    /// A1 (T1): 4 services (3 resolved at first contact, 60 s each), surveys 90 and 80, 5 praises, one complaint about them:
    /// satisfaction 85 good 80, complaint rate 25 % fail 0, FCR 75 % good 80, response 60 s excellent 100, praise excellent 100
    /// → customer satisfaction 72. Supervisor knowledge test 95 (excellent 100), self 85 (good 80):
    /// supervisor (40×72 + 25×100)/65 = 82.7692, self (40×72 + 25×80)/65 = 75.0769, final 80.4615 → 1.0.
    /// A2 (T1 via the complaint it answered first, 90 s): response excellent 100, praise fail 0 → 50 both → final 50 → 0.
    /// A3 (T2): one service resolved at first contact in 30 s: complaint rate 0 %, FCR 100 %, response 30 s all excellent, praise 0 fail
    /// → 75; supervisor knowledge 95 → (40×75 + 25×100)/65 = 84.6154; self 75 → final 81.7308 → 1.0.
    /// A4: only a supervisor rating → no self total → no final score, no rank.
    /// </summary>
    public static IEnumerable<FloorEvent> Events()
    {
        for (var i = 0; i < 4; i++)
        {
            var resolved = i < 3;
            yield return Event(EventType.ServiceHandled, At(8, 3 + i), e => e with { AgentId = "A1", TeamId = "T1", FirstContactResolved = resolved, ResponseSeconds = 60 });
        }

        yield return Event(EventType.SurveySubmitted, At(8, 10), e => e with { AgentId = "A1", Score = 90 });
        yield return Event(EventType.SurveySubmitted, At(8, 11), e => e with { AgentId = "A1", Score = 80 });
        for (var i = 0; i < 5; i++) yield return Event(EventType.PraiseReceived, At(9, 1 + i), e => e with { AgentId = "A1" });
        yield return Event(EventType.ComplaintOpened, At(8, 4), e => e with { ComplaintId = "C1", TeamId = "T1", AgentId = "A2", AboutAgentId = "A1" });
        yield return Event(EventType.ComplaintResponded, At(8, 4).AddSeconds(90), e => e with { ComplaintId = "C1", AgentId = "A2" });
        yield return Event(EventType.ServiceHandled, At(7, 15), e => e with { AgentId = "A3", TeamId = "T2", FirstContactResolved = true, ResponseSeconds = 30 });
        // Appraisal ratings are entered after the quarter ends, for the quarter they name.
        yield return Rating("A1", IndicatorIds.KnowledgeTest, 95, Rater.Supervisor);
        yield return Rating("A1", IndicatorIds.KnowledgeTest, 85, Rater.Self);
        yield return Rating("A3", IndicatorIds.KnowledgeTest, 95, Rater.Supervisor);
        yield return Rating("A4", IndicatorIds.KnowledgeTest, 70, Rater.Supervisor);
    }

    public static FloorEvent Rating(string agent, string indicator, double value, Rater rater) =>
        Event(EventType.AgentRated, At(10, 8), e => e with { AgentId = agent, Indicator = indicator, Value = value, Rater = rater, Period = "2026Q3" });

    public static QuarterSnapshot Snapshot(IEnumerable<FloorEvent> events, long throughSequence = long.MaxValue)
    {
        var replay = new QuarterEventReplay(Q3, CompanyCalendar.Default, throughSequence);
        foreach (var e in events) replay.Apply(e);
        var result = replay.Finish();
        var (teams, department) = QuarterAppraisal.ComputeTeamKpis(result.Teams, Q3, CompanyCalendar.Default, new KpiTargets());
        return QuarterAppraisal.Build(Q3, CompanyCalendar.Default, new QuarterConfiguration(Rubric.Default, new KpiTargets(), BonusTable.Default), result.Agents, teams, department);
    }
}
