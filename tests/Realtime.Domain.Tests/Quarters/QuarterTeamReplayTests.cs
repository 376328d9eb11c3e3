using Realtime.Domain.Calendars;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using static Realtime.Domain.Tests.Quarters.QuarterScenario;

namespace Realtime.Domain.Tests.Quarters;

/// <summary>Team and department KPIs as the journal replay computes them for close and verify.</summary>
public class QuarterTeamReplayTests
{
    [Fact]
    public void Complaint_clocks_are_replayed_and_each_fact_counts_for_the_team_of_its_instant()
    {
        var events = new[]
        {
            // C1 (T1): 10 h open, paused 38 h waiting on the customer, 10 h more: resolved within 48 h of clock time.
            Event(EventType.ComplaintOpened, At(8, 1, 10), e => e with { ComplaintId = "C1", TeamId = "T1", AgentId = "A1", Category = "claims", CustomerId = "cust-1" }),
            Event(EventType.ComplaintResponded, At(8, 1, 10).AddSeconds(120), e => e with { ComplaintId = "C1", AgentId = "A1" }),
            Event(EventType.ComplaintPaused, At(8, 1, 20), e => e with { ComplaintId = "C1" }),
            Event(EventType.ComplaintResumed, At(8, 3, 10), e => e with { ComplaintId = "C1" }),
            Event(EventType.ComplaintResolved, At(8, 3, 20), e => e with { ComplaintId = "C1" }),
            // C2 opened in T1, moved to T2 the next day, resolved after 96 h there: T1 counts the opening, T2 the resolution.
            Event(EventType.ComplaintOpened, At(8, 1, 10), e => e with { ComplaintId = "C2", TeamId = "T1", AgentId = "A1" }),
            Event(EventType.ComplaintAssigned, At(8, 2, 10), e => e with { ComplaintId = "C2", TeamId = "T2", AgentId = "A3" }),
            Event(EventType.ComplaintResponded, At(8, 2, 11), e => e with { ComplaintId = "C2", AgentId = "A3" }),
            Event(EventType.ComplaintResolved, At(8, 5, 10), e => e with { ComplaintId = "C2" }),
            // C0 was opened before the quarter: its resolution in the quarter is not counted (its opening is not replayed).
            Event(EventType.ComplaintResolved, At(7, 2, 10), e => e with { ComplaintId = "C0" }),
            Event(EventType.ServiceHandled, At(8, 6), e => e with { AgentId = "A1", TeamId = "T1", FirstContactResolved = true }),
            Event(EventType.ServiceHandled, At(8, 7), e => e with { AgentId = "A1", TeamId = "T1", FirstContactResolved = false }),
            // Surveys and follow-ups count for the agent's team.
            Event(EventType.SurveySubmitted, At(8, 8), e => e with { AgentId = "A1", Score = 90 }),
            Event(EventType.FollowupCompleted, At(8, 9, 12), e => e with { AgentId = "A1", CustomerId = "cust-9", VisitedAt = At(8, 9, 9) }),
        };
        var replay = new QuarterEventReplay(Q3, CompanyCalendar.Default);
        foreach (var e in events) replay.Apply(e);

        var (teams, department) = QuarterAppraisal.ComputeTeamKpis(replay.Finish().Teams, Q3, CompanyCalendar.Default, new KpiTargets());

        var t1 = teams["T1"];
        Assert.Equal((2, 1, 2), (t1.ComplaintsOpened, t1.ComplaintsResolved, t1.ServicesHandled));
        Assert.Equal(100, t1.ResolvedWithin48hRate.Value);
        Assert.Equal(120, t1.AverageFirstResponseSeconds.Value);
        Assert.Equal(50, t1.FirstContactResolutionRate.Value);
        Assert.Equal(9, t1.SatisfactionAverage10.Value);
        Assert.Equal(50, t1.FollowupCoverage.Value);
        Assert.Equal(100, t1.FollowupRecordCompliance.Value);
        Assert.Equal(new Dictionary<string, int> { ["claims"] = 1, [TeamActivity.UnspecifiedCategory] = 1 }, t1.ComplaintsByCategory);
        var t2 = teams["T2"];
        Assert.Equal((0, 1), (t2.ComplaintsOpened, t2.ComplaintsResolved));
        Assert.Equal((0, 100), (t2.ResolvedWithin48hRate.Value, t2.QuickResolution7dRate.Value));
        Assert.Equal(25 * 3600, t2.AverageFirstResponseSeconds.Value);
        Assert.Equal((2, 2, 50.0), (department.ComplaintsOpened, department.ComplaintsResolved, department.ResolvedWithin48hRate.Value));
    }

    [Fact]
    public void The_same_journal_gives_the_same_snapshot_bytes_and_later_arrivals_are_ignored()
    {
        var events = QuarterScenario.Events().Append(Event(EventType.ComplaintResolved, At(8, 5), e => e with { ComplaintId = "C1" })).ToArray();
        var through = events.Max(e => e.Sequence);
        var late = Event(EventType.ComplaintReopened, At(8, 6), e => e with { ComplaintId = "C1" });

        var first = QuarterSnapshotJson.Serialize(Snapshot(events, through));

        Assert.Equal(first, QuarterSnapshotJson.Serialize(Snapshot(events, through)));
        Assert.Equal(first, QuarterSnapshotJson.Serialize(Snapshot([.. events, late], through)));
        Assert.NotEqual(first, QuarterSnapshotJson.Serialize(Snapshot([.. events, late])));
    }
}
