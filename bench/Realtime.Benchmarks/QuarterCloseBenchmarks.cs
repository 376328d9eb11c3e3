using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;

namespace Realtime.Benchmarks;

/// <summary>
/// Quarter close for 10,000 agents with a quarter of history, as the journal path runs it: events are generated one at
/// a time in journal order (never held in a list, like rows streamed from PostgreSQL) into <see cref="QuarterEventReplay"/>,
/// then the snapshot is built, serialized and hashed. Per agent and day: 5 services, 1 survey, 1 in 10 a praise; every
/// 4th agent-day a complaint (opened + first response + resolution 20 h later, a quarter of them 60 h later; the team
/// KPIs replay their clocks); 2 ratings per agent (self, supervisor) after the quarter.
/// The database read itself is not included (see docs/benchmarks.md). Prints the managed heap after the replay
/// (the state the close keeps) once per process.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class QuarterCloseBenchmarks
{
    private static readonly Quarter Q3 = new(2026, 3);
    private static bool _reported;

    /// <summary>Agents on the floor.</summary>
    [Params(10_000)]
    public int Agents { get; set; }

    /// <summary>Replays, builds, serializes and hashes; returns the hash.</summary>
    [Benchmark]
    public string CloseQuarter()
    {
        var calendar = CompanyCalendar.Default;
        var replay = new QuarterEventReplay(Q3, calendar);
        long events = 0;
        var watch = Stopwatch.StartNew();
        foreach (var e in Journal(calendar))
        {
            replay.Apply(e);
            events++;
        }

        var result = replay.Finish();
        var replayed = watch.Elapsed;
        var heap = GC.GetTotalMemory(forceFullCollection: false);
        var (teams, department) = QuarterAppraisal.ComputeTeamKpis(result.Teams, Q3, calendar, new KpiTargets());
        var snapshot = QuarterAppraisal.Build(Q3, calendar, new QuarterConfiguration(Rubric.Default, new KpiTargets(), BonusTable.Default), result.Agents, teams, department);
        var content = QuarterSnapshotJson.Serialize(snapshot);
        var hash = QuarterSnapshotJson.Hash(content);
        if (!_reported)
        {
            _reported = true;
            Console.WriteLine($"// quarter close: {events:N0} events, replay {replayed.TotalSeconds:F2} s, total {watch.Elapsed.TotalSeconds:F2} s, " +
                $"heap after replay {heap / 1048576.0:F0} MiB, snapshot {content.Length / 1048576.0:F1} MiB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        }

        return hash;
    }

    private IEnumerable<FloorEvent> Journal(CompanyCalendar calendar)
    {
        long sequence = 0;
        var complaint = 0;
        var end = Q3.End(calendar);
        for (var date = Q3.FirstDay; date <= Q3.LastDay; date = date.AddDays(1))
        {
            var morning = calendar.StartOfDay(date).AddHours(9);
            for (var a = 0; a < Agents; a++)
            {
                var agent = "A" + a;
                var team = "T" + a / 20;
                for (var s = 0; s < 5; s++)
                {
                    yield return new FloorEvent
                    {
                        Id = "s",
                        Type = EventType.ServiceHandled,
                        OccurredAt = morning.AddMinutes(s * 37 + a % 30),
                        Sequence = ++sequence,
                        AgentId = agent,
                        TeamId = team,
                        FirstContactResolved = s != 0,
                        ResponseSeconds = 20 + a % 90,
                    };
                }

                yield return new FloorEvent { Id = "v", Type = EventType.SurveySubmitted, OccurredAt = morning.AddHours(3), Sequence = ++sequence, AgentId = agent, Score = 60 + a % 41 };
                if ((a + date.Day) % 10 == 0)
                    yield return new FloorEvent { Id = "p", Type = EventType.PraiseReceived, OccurredAt = morning.AddHours(4), Sequence = ++sequence, AgentId = agent };
                if ((a + date.Day) % 4 == 0)
                {
                    var id = "C" + ++complaint;
                    yield return new FloorEvent
                    {
                        Id = "o",
                        Type = EventType.ComplaintOpened,
                        OccurredAt = morning.AddHours(5),
                        Sequence = ++sequence,
                        ComplaintId = id,
                        TeamId = team,
                        AgentId = agent,
                        AboutAgentId = "A" + (a + 1) % Agents,
                    };
                    yield return new FloorEvent { Id = "r", Type = EventType.ComplaintResponded, OccurredAt = morning.AddHours(5).AddSeconds(70 + a % 200), Sequence = ++sequence, ComplaintId = id, AgentId = agent };
                    // Resolved the next morning, a quarter of them only after the 48-hour target (team KPIs replay the clocks).
                    var resolvedAt = morning.AddHours(5 + 20 + (a % 4 == 0 ? 40 : 0));
                    if (resolvedAt < end)
                        yield return new FloorEvent { Id = "z", Type = EventType.ComplaintResolved, OccurredAt = resolvedAt, Sequence = ++sequence, ComplaintId = id, AgentId = agent };
                }
            }
        }

        var after = Q3.End(calendar).AddDays(5);
        for (var a = 0; a < Agents; a++)
        {
            foreach (var rater in new[] { Rater.Self, Rater.Supervisor })
            {
                yield return new FloorEvent
                {
                    Id = "k",
                    Type = EventType.AgentRated,
                    OccurredAt = after,
                    Sequence = ++sequence,
                    AgentId = "A" + a,
                    Indicator = IndicatorIds.KnowledgeTest,
                    Value = 70 + a % 30,
                    Rater = rater,
                    Period = "2026Q3",
                };
            }
        }
    }
}
