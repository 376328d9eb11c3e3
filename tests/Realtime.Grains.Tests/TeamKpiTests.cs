using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;
using Realtime.Testing;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>Team grains fed by complaint grains and agents' events give the team KPIs of domain.md.</summary>
public sealed class TeamKpiTests(DefaultGrainsCluster cluster) : IClassFixture<DefaultGrainsCluster>
{
    private readonly GrainsTestHost _host = cluster.Host;
    private readonly string _run = cluster.NextRun();

    private string Id(string name) => name + _run;

    [Fact]
    public async Task A_scripted_day_of_complaints_services_surveys_and_followups_gives_the_team_kpis()
    {
        var nine = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        await _host.SubmitAsync(
            Service(Id("A1"), nine, firstContactResolved: true, team: Id("T1")), Service(Id("A1"), nine.AddMinutes(1), team: Id("T1")),
            Service(Id("A2"), nine, firstContactResolved: true, team: Id("T1")), Service(Id("A2"), nine.AddMinutes(1), team: Id("T1")),
            Opened(Id("c1"), nine, agent: Id("A1"), category: "claims", customer: Id("CU1"), team: Id("T1")),
            Complaint(EventType.ComplaintResponded, Id("c1"), nine.AddMinutes(1), agent: Id("A1")),
            Opened(Id("c2"), nine.AddMinutes(10), agent: Id("A1"), category: "billing", customer: Id("CU2"), team: Id("T1")),
            Complaint(EventType.ComplaintResponded, Id("c2"), nine.AddMinutes(11), agent: Id("A1")),
            Complaint(EventType.ComplaintPaused, Id("c2"), nine.AddMinutes(20)),
            Opened(Id("c3"), nine.AddMinutes(30), agent: Id("A2"), category: "claims", team: Id("T1")));
        _host.Time.Advance(TimeSpan.FromHours(1));
        await _host.Live.NextAsync(m => m.Payload is KpisResource { BreachedComplaints: 1 } k && k.TeamId == Id("T1"));
        await _host.SubmitAsync(
            Complaint(EventType.ComplaintResolved, Id("c1"), nine.AddHours(1)),
            Survey(Id("A1"), nine.AddHours(1), 90), Survey(Id("A2"), nine.AddHours(1), 70),
            Followup(Id("A1"), nine.AddHours(1), Id("CU1"), nine));
        // Every grain has applied the batch when SubmitAsync returns, so the last push carries the final values.
        var kpis = (KpisResource)_host.Live.All.Last(m => m.Method == LiveMethods.KpiChanged && m.Scopes.Contains(LiveScopes.Team(Id("T1")))).Payload;

        var team = await _host.Grains.GetGrain<ITeamGrain>(Id("T1")).GetKpisAsync(ScorecardWindow.Today);
        Assert.NotNull(team);
        Assert.Equal(KpisResource.Of(team), kpis, (a, b) => a!.SameValues(b));
        Assert.Equal((2, 1, 1), (kpis!.OpenComplaints, kpis.PausedComplaints, kpis.BreachedComplaints));
        Assert.Equal((3, 1), (kpis.ComplaintsOpened, kpis.ComplaintsResolved));
        Assert.Equal(new KpiResource(100, 95, "atLeast", true), kpis.ResolvedWithin48hRate);
        Assert.Equal(60, kpis.AverageFirstResponseSeconds.Value);
        Assert.Equal(new KpiResource(8, 8, "atLeast", true), kpis.SatisfactionAverage10);
        Assert.Equal(50, kpis.FirstContactResolutionRate.Value);
        Assert.Equal(new KpiResource(50, 95, "atLeast", false), kpis.FollowupCoverage);
        Assert.Equal(new KpiResource(100, 100, "atLeast", true), kpis.FollowupRecordCompliance);
        Assert.Equal(new Dictionary<string, int> { ["billing"] = 1, ["claims"] = 2 }, kpis.ComplaintsByCategory);
        Assert.Contains(Id("T1"), await _host.Grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync());
        var snapshot = await _host.Grains.GetGrain<ITeamGrain>(Id("T1")).GetSnapshotAsync();
        Assert.Equal([Id("A1"), Id("A2")], snapshot!.AgentIds);
    }

    [Fact]
    public async Task A_breach_that_wakes_an_idle_team_is_pushed_to_its_board()
    {
        // The open, paused and breached counts are the complaints', so they move while the team is out of memory; the
        // team re-activated by the breach must not take the new counts as already on the board.
        var nine = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        await _host.SubmitAsync(Opened(Id("c1"), nine, agent: Id("A1"), team: Id("T1")));
        var team = new GrainKey("team", Id("T1"));
        await _host.CollectIdleActivationsAsync();
        await Eventually.TrueAsync(async () => !await _host.IsActiveAsync(team), "the idle team grain left memory");

        _host.Time.Advance(TimeSpan.FromMinutes(3));

        var pushed = await _host.Live.NextAsync(m => m.Payload is KpisResource { BreachedComplaints: 1 } k && k.TeamId == Id("T1"));
        Assert.Contains(LiveScopes.Team(Id("T1")), pushed.Scopes);
    }

    [Fact]
    public async Task Reassignment_to_another_team_moves_the_open_complaint_and_a_reopen_counts_no_new_complaint()
    {
        var nine = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        await _host.SubmitAsync(Opened(Id("c1"), nine, agent: Id("A1"), team: Id("T1")), Complaint(EventType.ComplaintResponded, Id("c1"), nine.AddMinutes(1), agent: Id("A1")));
        await _host.SubmitAsync(Complaint(EventType.ComplaintAssigned, Id("c1"), nine.AddMinutes(5), agent: Id("B1"), team: Id("T2")));
        var t1 = _host.Grains.GetGrain<ITeamGrain>(Id("T1"));
        var t2 = _host.Grains.GetGrain<ITeamGrain>(Id("T2"));
        Assert.Equal(0, (await t1.GetKpisAsync(ScorecardWindow.Today))!.OpenComplaints);
        Assert.Equal(1, (await t2.GetKpisAsync(ScorecardWindow.Today))!.OpenComplaints);

        await _host.SubmitAsync(Complaint(EventType.ComplaintResolved, Id("c1"), nine.AddMinutes(10)));
        await _host.SubmitAsync(Complaint(EventType.ComplaintReopened, Id("c1"), nine.AddMinutes(20)));
        var reopened = (await t2.GetKpisAsync(ScorecardWindow.Today))!;
        await _host.Grains.GetGrain<Complaints.IComplaintGrain>(Id("c1")).ReceiveDeadlineAsync(nine);
        var again = (await t2.GetKpisAsync(ScorecardWindow.Today))!;

        Assert.Equal((1, 0, 1), (reopened.OpenComplaints, reopened.ComplaintsOpened, reopened.ComplaintsResolved));
        Assert.Equal((1, 1), ((await t1.GetKpisAsync(ScorecardWindow.Today))!.ComplaintsOpened, again.ComplaintsResolved));
        Assert.True(KpisResource.Of(reopened).SameValues(KpisResource.Of(again)));
    }
}
