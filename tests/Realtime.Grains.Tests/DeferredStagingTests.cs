using System.Text.Json;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Agents;
using Realtime.Grains.Live;
using Realtime.Grains.Persistence;
using Realtime.Grains.Teams;
using static Realtime.Grains.Tests.FloorEvents;

namespace Realtime.Grains.Tests;

/// <summary>
/// A busy agent pushes once per deferral delay (one push for a burst of events, carrying all of them) and stages its
/// state only when a checkpoint asks.
/// </summary>
public sealed class DeferredStagingTests(DeferringGrainsCluster cluster) : IClassFixture<DeferringGrainsCluster>
{
    private static readonly TimeSpan Delay = DeferringGrainsCluster.Delay;
    private readonly GrainsTestHost _host = cluster.Host;

    [Fact]
    public async Task A_burst_of_services_is_pushed_once_after_the_delay_with_every_event_counted()
    {
        var at = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        for (var i = 0; i < 5; i++) await _host.SubmitAsync(Service("D1", at, firstContactResolved: i < 4));
        Assert.DoesNotContain(_host.Live.All, m => m.Method == LiveMethods.ScoreChanged && ((ScorecardResource)m.Payload).AgentId == "D1");

        _host.Time.Advance(Delay);
        var pushed = await _host.Live.NextAsync(m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D1", Window: "today" });
        var fcr = ((ScorecardResource)pushed.Payload).Indicators.Single(i => i.Id == "first_contact_resolution");
        Assert.Equal(80, fcr.Value);
        Assert.Single(_host.Live.All, m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D1", Window: "today" });
    }

    [Fact]
    public async Task A_busy_agent_is_pushed_in_the_turn_that_brings_a_change_once_the_delay_has_passed_since_its_last_push()
    {
        var at = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        static bool Today(LiveMessage m) => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D3", Window: "today" };
        await _host.SubmitAsync(Service("D3", at, firstContactResolved: true));
        _host.Time.Advance(Delay);
        await _host.Live.NextAsync(Today);

        // A change shortly after the push waits: its timer would push it a delay after it came.
        _host.Time.Advance(Delay * 0.8);
        await _host.SubmitAsync(Service("D3", at.AddSeconds(1), firstContactResolved: false));
        Assert.Single(_host.Live.All, Today);

        // The next call comes after a delay since the last push and before that timer: it pushes both changes itself.
        _host.Time.Advance(Delay * 0.4);
        await _host.SubmitAsync(Service("D3", at.AddSeconds(2), firstContactResolved: false));
        var pushes = _host.Live.All.Where(Today).ToList();
        Assert.Equal(2, pushes.Count);
        Assert.Equal(33.3, ((ScorecardResource)pushes[1].Payload).Indicators.Single(i => i.Id == "first_contact_resolution").Value!.Value, 1);

        // Nothing is left for the timer to push.
        _host.Time.Advance(Delay);
        await _host.SubmitAsync(Service("D4", at, firstContactResolved: true));
        _host.Time.Advance(Delay);
        await _host.Live.NextAsync(m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D4" });
        Assert.Equal(2, _host.Live.All.Count(Today));
    }

    [Fact]
    public async Task A_pushed_agent_stages_its_state_when_the_next_checkpoint_asks_not_at_every_push()
    {
        var at = _host.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        await _host.SubmitAsync(Service("D2", at, firstContactResolved: true));
        var checkpointer = _host.Service<StateCheckpointer>();
        var storage = _host.Service<IGrainStateStore>();
        var agent = new GrainKey("agent", "D2");
        _host.Time.Advance(Delay);
        await _host.Live.NextAsync(m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D2", Window: "today" });
        await _host.SubmitAsync(Service("D2", at.AddSeconds(1), firstContactResolved: false));
        _host.Time.Advance(Delay);
        await _host.Live.NextAsync(m => m.Method == LiveMethods.ScoreChanged && m.Payload is ScorecardResource { AgentId: "D2", Window: "today" } s
            && s.Indicators.Single(i => i.Id == "first_contact_resolution").Value == 50);
        // Pushed twice, staged never: the agent's state waits for a checkpoint to ask (nothing staged, nothing stored).
        Assert.Null(await checkpointer.LoadAsync(agent));

        Assert.True(await checkpointer.CheckpointOnceAsync(CancellationToken.None));

        var stored = await storage.ReadAsync(agent);
        Assert.NotNull(stored);
        var state = JsonSerializer.Deserialize<AgentGrainState>(stored.Data.Span, GrainJson.Options)!;
        Assert.Equal(50, AgentScorecard.Compute(state.Activity!, ScorecardWindow.Today, _host.Time.GetUtcNow(), Rubric.Default, state.Activity!.Calendar).Indicator("first_contact_resolution").Value);
    }

    [Fact]
    public async Task A_checkpoint_never_writes_a_complaint_that_told_its_team_without_the_team_state_that_counts_it()
    {
        var at = _host.Time.GetUtcNow();
        await _host.SubmitAsync(Opened("C-told", at, team: "T9", agent: "A9"));
        var checkpointer = _host.Service<StateCheckpointer>();
        var storage = _host.Service<IGrainStateStore>();

        // The team deferred its stage (the clock has not moved the 250 ms); the complaint's state, which records that
        // the team was told, is staged. The checkpoint must bring the team's state along in the same write.
        Assert.True(await checkpointer.CheckpointOnceAsync(CancellationToken.None));

        var complaint = await storage.ReadAsync(new GrainKey("complaint", "C-told"));
        var team = await storage.ReadAsync(new GrainKey("team", "T9"));
        Assert.NotNull(complaint);
        Assert.NotNull(team);
        var teamState = JsonSerializer.Deserialize<TeamGrainState>(team.Data.Span, GrainJson.Options)!;
        Assert.Equal(1, Domain.Kpis.TeamKpis.Compute(teamState.Activity!, ScorecardWindow.Today, _host.Time.GetUtcNow(), new Domain.Kpis.KpiTargets(), default).ComplaintsOpened);
    }
}
