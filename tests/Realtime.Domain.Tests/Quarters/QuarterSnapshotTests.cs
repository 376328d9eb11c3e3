using System.Text;
using Realtime.Domain.Calendars;
using Realtime.Domain.Clocks;
using Realtime.Domain.Events;
using Realtime.Domain.Kpis;
using Realtime.Domain.Quarters;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Quarters;

public sealed class QuarterSnapshotTests
{
    private static AgentAppraisal Agent(QuarterSnapshot s, string id) => s.Agents.Single(a => a.AgentId == id);

    [Fact]
    public void A_scripted_quarter_gives_the_hand_computed_appraisal()
    {
        var s = QuarterScenario.Snapshot(QuarterScenario.Events());

        Assert.Equal(["A1", "A2", "A3", "A4"], s.Agents.Select(a => a.AgentId));
        var a1 = Agent(s, "A1");
        Assert.Equal("T1", a1.TeamId);
        Assert.Equal(85, a1.Indicators.Single(i => i.Id == IndicatorIds.Satisfaction).Value);
        Assert.Equal(25, a1.Indicators.Single(i => i.Id == IndicatorIds.ComplaintRate).Value);
        Assert.Equal(Band.Fail, a1.Indicators.Single(i => i.Id == IndicatorIds.ComplaintRate).Band);
        Assert.Equal(75, a1.Indicators.Single(i => i.Id == IndicatorIds.FirstContactResolution).Value);
        Assert.Equal(60, a1.Indicators.Single(i => i.Id == IndicatorIds.AvgResponseTime).Value);
        Assert.Equal(100, a1.Indicators.Single(i => i.Id == IndicatorIds.KnowledgeTest).Points);
        Assert.Equal(72, a1.Dimensions.Single(d => d.Id == DimensionIds.CustomerSatisfaction).Score);
        Assert.Equal(82.7692, a1.SupervisorTotal);
        Assert.Equal(75.0769, a1.SelfTotal);
        Assert.Equal(80.4615, a1.FinalScore);
        Assert.Equal(1.0, a1.BonusCoefficient);
        Assert.Equal((1, 2), (a1.RankInTeam, a1.RankOnFloor));

        var a2 = Agent(s, "A2");
        Assert.Equal("T1", a2.TeamId);
        Assert.Equal(90, a2.Indicators.Single(i => i.Id == IndicatorIds.AvgResponseTime).Value);
        Assert.Equal((50.0, 50.0, 50.0, 0.0), (a2.SelfTotal, a2.SupervisorTotal, a2.FinalScore, a2.BonusCoefficient));
        Assert.Equal((2, 3), (a2.RankInTeam, a2.RankOnFloor));

        var a3 = Agent(s, "A3");
        Assert.Equal((75.0, 84.6154, 81.7308, 1.0), (a3.SelfTotal, a3.SupervisorTotal, a3.FinalScore, a3.BonusCoefficient));
        Assert.Equal((1, 1), (a3.RankInTeam, a3.RankOnFloor));

        var a4 = Agent(s, "A4");
        Assert.Null(a4.SelfTotal);
        Assert.Equal(60, a4.SupervisorTotal);
        Assert.Null(a4.FinalScore);
        Assert.Null(a4.BonusCoefficient);
        Assert.Null(a4.RankOnFloor);

        var t1 = s.Teams.Single(t => t.TeamId == "T1");
        var t2 = s.Teams.Single(t => t.TeamId == "T2");
        Assert.Equal(65.2308, t1.MeanFinalScore!.Value, 0.00011);
        Assert.Equal((2, 1), (t1.Rank, t2.Rank));
    }

    [Fact]
    public void Writing_what_was_read_gives_the_same_bytes_and_hash()
    {
        var bytes = QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot(QuarterScenario.Events()));
        var again = QuarterSnapshotJson.Serialize(QuarterSnapshotReader.Read(bytes));
        Assert.Equal(bytes, again);
        Assert.Equal(QuarterSnapshotJson.Hash(bytes), QuarterSnapshotJson.Hash(again));
        Assert.Matches("^[0-9a-f]{64}$", QuarterSnapshotJson.Hash(bytes));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\"quarter\":\"2026Q3\",\"timeZone\":\"Asia/Shanghai\",\"from\":\"2026-07-01T00:00:00+08:00\",\"to\":\"2026-10-01T00:00:00+08:00\",\"config\":{\"rubric\":", text);
        Assert.Contains("\"bonusTable\":{\"tiers\":[{\"minFinalScore\":95,\"coefficient\":1.5}", text);
    }

    [Fact]
    public void The_sla_clocks_stamped_in_the_configuration_read_back_and_write_the_same_bytes()
    {
        var snapshot = QuarterScenario.Snapshot(QuarterScenario.Events());
        snapshot = snapshot with { Config = snapshot.Config with { SlaClocks = SlaPolicy.Default.Clocks } };
        var bytes = QuarterSnapshotJson.Serialize(snapshot);

        var read = QuarterSnapshotReader.Read(bytes);

        Assert.Equal(bytes, QuarterSnapshotJson.Serialize(read));
        var resolution = read.Config.SlaClocks!.Single(c => c.Name == SlaPolicy.Resolution);
        Assert.Equal((TimeSpan.FromHours(48), true, EventType.ComplaintOpened, EventType.ComplaintResolved),
            (resolution.Target, resolution.Pausable, resolution.StartEvent, resolution.StopEvent));
        Assert.Equal(SlaPolicy.Default.Clocks.Select(c => (c.Name, c.Target, c.OnReopen)), read.Config.SlaClocks!.Select(c => (c.Name, c.Target, c.OnReopen)));
        Assert.Contains("\"slaClocks\":[{\"name\":\"firstResponse\",\"startEvent\":\"complaint.opened\"", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void The_same_events_in_another_arrival_order_give_the_same_hash()
    {
        var events = QuarterScenario.Events().ToList();
        var forward = QuarterSnapshotJson.Hash(QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot(events)));
        var reversed = QuarterSnapshotJson.Hash(QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot(Enumerable.Reverse(events))));
        Assert.Equal(forward, reversed);
    }

    [Fact]
    public void Events_journaled_after_the_close_are_not_replayed()
    {
        var events = QuarterScenario.Events().ToList();
        var through = events.Max(e => e.Sequence);
        var late = QuarterScenario.Event(EventType.PraiseReceived, QuarterScenario.At(9, 20), e => e with { AgentId = "A2" });
        var frozen = QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot(events, through));
        Assert.Equal(frozen, QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot([.. events, late], through)));
        Assert.NotEqual(frozen, QuarterSnapshotJson.Serialize(QuarterScenario.Snapshot([.. events, late])));
    }

    [Fact]
    public void The_quarter_boundary_is_midnight_in_Asia_Shanghai()
    {
        var q3Last = new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.FromHours(8));
        var q4First = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8));
        FloorEvent Praise(string agent, DateTimeOffset at) => QuarterScenario.Event(EventType.PraiseReceived, at, e => e with { AgentId = agent });
        var events = new[] { Praise("last-q3", q3Last), Praise("first-q4", q4First) };

        var q3 = QuarterScenario.Snapshot(events);
        var replay = new QuarterEventReplay(new Quarter(2026, 4), CompanyCalendar.Default);
        foreach (var e in events) replay.Apply(e);
        var q4 = replay.Finish().Agents;

        Assert.Equal(["last-q3"], q3.Agents.Select(a => a.AgentId));
        Assert.Equal(["first-q4"], q4.Select(a => a.Activity.AgentId));
    }

    [Fact]
    public void Team_and_department_kpis_carry_targets_and_met()
    {
        var calendar = CompanyCalendar.Default;
        var team = new TeamActivity("T1", calendar);
        team.ComplaintOpened("claims", "cust-1", QuarterScenario.At(8, 1));
        team.ComplaintResolved(QuarterScenario.At(8, 2), within48h: true, within7d: true);
        team.ComplaintOpened(null, "cust-2", QuarterScenario.At(8, 1));
        team.ComplaintResolved(QuarterScenario.At(8, 9), within48h: false, within7d: false);
        team.SurveySubmitted(85, QuarterScenario.At(8, 3));
        team.FollowupCompleted("cust-1", QuarterScenario.At(8, 5), QuarterScenario.At(8, 5, 12));

        var (teams, department) = QuarterAppraisal.ComputeTeamKpis([team], QuarterScenario.Q3, calendar, new KpiTargets());
        var k = teams["T1"];
        Assert.Equal((2, 2), (k.ComplaintsOpened, k.ComplaintsResolved));
        Assert.Equal(new QuarterKpi(50, 95, KpiGoal.AtLeast, false), k.ResolvedWithin48hRate);
        Assert.Equal(new QuarterKpi(8.5, 8, KpiGoal.AtLeast, true), k.SatisfactionAverage10);
        Assert.Equal(new QuarterKpi(50, 95, KpiGoal.AtLeast, false), k.FollowupCoverage);
        Assert.Equal(new QuarterKpi(100, 100, KpiGoal.AtLeast, true), k.FollowupRecordCompliance);
        Assert.Null(k.QuickResolution7dRate.Met);
        Assert.Equal(1, k.ComplaintsByCategory["claims"]);
        Assert.Equal(k with { ComplaintsByCategory = department.ComplaintsByCategory }, department);
    }

    [Fact]
    public void The_csv_opens_with_a_byte_order_mark_and_bilingual_headers_in_a_fixed_order()
    {
        var csv = QuarterSnapshotCsv.Write(QuarterScenario.Snapshot(QuarterScenario.Events()));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(',');
        Assert.Equal(QuarterSnapshotCsv.LeadingHeaders, headers[..8]);
        Assert.Equal("客户满意度得分 / Customer satisfaction score", headers[8]);
        Assert.Equal(8 + 4 + 2 * Rubric.Default.Indicators.Count(), headers.Length);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("A1,T1,75.0769,82.7692,80.4615,1,1,2,72,", lines[1]);
    }
}
