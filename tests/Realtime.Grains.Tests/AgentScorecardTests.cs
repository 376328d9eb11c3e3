using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>Agent grains fed through the ingest pipeline give the scorecards domain.md describes.</summary>
public sealed class AgentScorecardTests(DefaultGrainsCluster cluster) : IClassFixture<DefaultGrainsCluster>
{
    private readonly GrainsTestHost _host = cluster.Host;
    private readonly string _run = cluster.NextRun();

    private string Id(string name) => name + _run;

    private DateTimeOffset Now => _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    [Fact]
    public async Task A_scripted_day_gives_the_worked_example_total_of_88_over_customer_satisfaction()
    {
        var morning = Now;
        var events = new List<FloorEvent>();
        for (var i = 0; i < 40; i++) events.Add(Service(Id("A1"), morning.AddMinutes(i), firstContactResolved: i < 30, responseSeconds: 30, team: Id("T1")));
        events.Add(Survey(Id("A1"), morning.AddMinutes(50), 80));
        events.Add(Survey(Id("A1"), morning.AddMinutes(51), 90));
        for (var i = 0; i < 3; i++) events.Add(Praise(Id("A1"), morning.AddMinutes(52 + i)));
        events.Add(Opened(Id("c-about"), morning.AddMinutes(55), agent: Id("A2"), about: Id("A1"), team: Id("T1")));
        await _host.SubmitAsync([.. events]);

        var card = await _host.Grains.GetGrain<IAgentGrain>(Id("A1")).GetScorecardAsync(ScorecardWindow.Today);

        Assert.NotNull(card);
        Assert.Equal(88, card.Total);
        Assert.Equal([DimensionIds.CustomerSatisfaction], card.CoveredDimensions);
        Assert.Equal(Id("T1"), card.TeamId);
        Assert.Equal((85.0, "good", 80.0), Indicator(card, IndicatorIds.Satisfaction));
        Assert.Equal((2.5, "excellent", 100.0), Indicator(card, IndicatorIds.ComplaintRate));
        Assert.Equal((75.0, "good", 80.0), Indicator(card, IndicatorIds.FirstContactResolution));
        Assert.Equal((30.0, "excellent", 100.0), Indicator(card, IndicatorIds.AvgResponseTime));
        Assert.Equal((3.0, "good", 80.0), Indicator(card, IndicatorIds.PraiseCount));
        var knowledge = card.Indicators.Single(i => i.Id == IndicatorIds.KnowledgeTest);
        Assert.Null(knowledge.Value);
        Assert.Null(knowledge.Band);
        Assert.Equal("业务知识考试", knowledge.Label.Zh);
    }

    [Fact]
    public async Task Complaint_about_an_agent_and_the_owners_first_response_reach_the_agents_indicators()
    {
        var opened = Now;
        await _host.SubmitAsync(Service(Id("A6"), opened, team: Id("T1")), Opened(Id("c-1"), opened, agent: Id("A5"), about: Id("A6"), team: Id("T1")));
        await _host.SubmitAsync(Complaint(EventType.ComplaintResponded, Id("c-1"), opened.AddSeconds(90), agent: Id("A5")));

        var owner = await _host.Grains.GetGrain<IAgentGrain>(Id("A5")).GetScorecardAsync(ScorecardWindow.Today);
        var about = await _host.Grains.GetGrain<IAgentGrain>(Id("A6")).GetScorecardAsync(ScorecardWindow.Today);

        Assert.Equal((90.0, "excellent", 100.0), Indicator(owner!, IndicatorIds.AvgResponseTime));
        Assert.Equal(Id("T1"), owner!.TeamId);
        Assert.Equal((100.0, "fail", 0.0), Indicator(about!, IndicatorIds.ComplaintRate));
    }

    [Fact]
    public async Task Replayed_events_and_repeated_reminders_count_once()
    {
        var opened = Now;
        FloorEvent[] journaled =
        [
            Service(Id("A1"), opened, responseSeconds: 20, team: Id("T1")) with { Sequence = 1 },
            Survey(Id("A1"), opened.AddMinutes(1), 70) with { Sequence = 2 },
            Opened(Id("c-1"), opened, agent: Id("A1"), about: Id("A1"), team: Id("T1")) with { Sequence = 3 },
            Complaint(EventType.ComplaintResponded, Id("c-1"), opened.AddSeconds(40), agent: Id("A1")) with { Sequence = 4 },
        ];
        await _host.Pipeline.ReplayAsync(journaled);
        var agent = _host.Grains.GetGrain<IAgentGrain>(Id("A1"));
        var team = _host.Grains.GetGrain<Teams.ITeamGrain>(Id("T1"));
        var before = await agent.GetScorecardAsync(ScorecardWindow.Today);
        var teamBefore = Teams.KpisResource.Of((await team.GetKpisAsync(ScorecardWindow.Today))!);

        await _host.Pipeline.ReplayAsync(journaled);
        await _host.Pipeline.ReplayAsync(journaled[2..]);
        var complaint = _host.Grains.GetGrain<Complaints.IComplaintGrain>(Id("c-1"));
        await complaint.ReceiveDeadlineAsync(Now);
        await complaint.ReceiveDeadlineAsync(Now);
        var after = await agent.GetScorecardAsync(ScorecardWindow.Today);
        var teamAfter = Teams.KpisResource.Of((await team.GetKpisAsync(ScorecardWindow.Today))!);

        Assert.True(teamBefore.SameValues(teamAfter));
        Assert.Equal((1, 1, 70.0), (teamAfter.ComplaintsOpened, teamAfter.OpenComplaints, teamAfter.SatisfactionAverage.Value));
        Assert.Equal((100.0, "fail", 0.0), Indicator(after!, IndicatorIds.ComplaintRate));
        Assert.Equal((30.0, "excellent", 100.0), Indicator(after!, IndicatorIds.AvgResponseTime));
        Assert.Equal(before!.Indicators.Select(i => i.Value), after!.Indicators.Select(i => i.Value));
        Assert.Equal(before.Total, after.Total);
    }

    [Fact]
    public async Task An_agent_without_events_has_no_scorecard()
    {
        Assert.Null(await _host.Grains.GetGrain<IAgentGrain>(Id("nobody")).GetScorecardAsync(ScorecardWindow.Today));
    }

    internal static (double?, string?, double?) Indicator(ScorecardResource card, string id)
    {
        var indicator = card.Indicators.Single(i => i.Id == id);
        return (indicator.Value, indicator.Band, indicator.Points);
    }
}
