using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintEventOrderTests
{
    [Fact]
    public void Response_arriving_before_the_opening_is_placed_by_its_timestamp()
    {
        var s = new ComplaintScenario();
        var opened = s.Event(EventType.ComplaintOpened, TimeSpan.Zero, e => e with { TeamId = "team-1" });
        var responded = s.Event(EventType.ComplaintResponded, Sec(80), e => e with { AgentId = "agent-1" });

        Assert.True(s.Complaint.Apply(responded));
        Assert.Null(s.Clock(SlaPolicy.FirstResponse, Sec(90)).State);
        Assert.True(s.Complaint.Apply(opened));

        var first = s.Clock(SlaPolicy.FirstResponse, Hours(1));
        Assert.Equal(ClockState.Met, first.State);
        Assert.Equal(Sec(80), first.Elapsed);
        Assert.Equal(ComplaintScenario.At(TimeSpan.Zero), s.Complaint.OpenedAt);
    }

    [Fact]
    public void Response_at_the_opening_instant_meets_first_response_whatever_the_arrival_order()
    {
        var s = new ComplaintScenario();
        var responded = s.Event(EventType.ComplaintResponded, TimeSpan.Zero, e => e with { AgentId = "agent-1" });
        var opened = s.Event(EventType.ComplaintOpened, TimeSpan.Zero, e => e with { TeamId = "team-1" });
        s.Complaint.Apply(responded);
        s.Complaint.Apply(opened);

        var first = s.Clock(SlaPolicy.FirstResponse, Hours(1));
        Assert.Equal(ClockState.Met, first.State);
        Assert.Equal(TimeSpan.Zero, first.Elapsed);
    }

    [Fact]
    public void Late_pause_inserted_in_the_past_removes_the_paused_time()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1));
        var pause = s.Event(EventType.ComplaintPaused, Hours(2));
        s.Resumed(Hours(5));
        Assert.Equal(Hours(6), s.Clock(SlaPolicy.Resolution, Hours(6)).Elapsed);

        s.Complaint.Apply(pause);

        var resolution = s.Clock(SlaPolicy.Resolution, Hours(6));
        Assert.Equal(ClockState.Running, resolution.State);
        Assert.Equal(Hours(3), resolution.Elapsed);
        Assert.Equal(ComplaintScenario.At(Hours(51)), resolution.DueAt);
    }

    [Fact]
    public void Late_resolution_inserted_in_the_past_stops_the_clock_at_its_own_instant()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Responded(Min(1));
        Assert.Equal(ClockState.Breached, s.Clock(SlaPolicy.Resolution, Hours(50)).State);

        s.Resolved(Hours(47));

        var resolution = s.Clock(SlaPolicy.Resolution, Hours(50));
        Assert.Equal(ClockState.Met, resolution.State);
        Assert.Equal(Hours(47), resolution.Elapsed);
    }

    [Fact]
    public void Repeated_event_id_is_ignored()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);
        var pause = s.Event(EventType.ComplaintPaused, Hours(1));

        Assert.True(s.Complaint.Apply(pause));
        Assert.False(s.Complaint.Apply(pause with { OccurredAt = ComplaintScenario.At(Hours(9)) }));
        Assert.Equal(2, s.Complaint.State.Events.Count);
        Assert.Equal(Hours(1), s.Clock(SlaPolicy.Resolution, Hours(3)).Elapsed);
    }

    [Fact]
    public void Events_are_kept_sorted_by_occurrence()
    {
        var s = new ComplaintScenario();
        s.Resolved(Hours(3)).Opened(TimeSpan.Zero).Paused(Hours(1)).Responded(Min(1));

        Assert.Equal(
            [EventType.ComplaintOpened, EventType.ComplaintResponded, EventType.ComplaintPaused, EventType.ComplaintResolved],
            s.Complaint.State.Events.Select(e => e.Type));
    }

    [Fact]
    public void Events_of_another_complaint_or_of_another_kind_are_refused()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        Assert.Throws<ArgumentException>(() => s.Complaint.Apply(s.Event(EventType.ComplaintPaused, Hours(1)) with { ComplaintId = "C-2" }));
        Assert.Throws<ArgumentException>(() => s.Complaint.Apply(s.Event(EventType.PraiseReceived, Hours(1))));
    }

    [Fact]
    public void Reassignment_moves_the_owner_not_the_clock()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero, agentId: "agent-1", teamId: "team-1").Assigned(Sec(30), "agent-2", "team-2");

        var view = s.Complaint.View(ComplaintScenario.At(Min(1)));
        Assert.Equal("agent-2", view.AgentId);
        Assert.Equal("team-2", view.TeamId);
        var first = view.Clocks.Single(c => c.Name == SlaPolicy.FirstResponse);
        Assert.Equal(Min(1), first.Elapsed);
        Assert.Equal(ComplaintScenario.At(Min(2)), first.DueAt);
    }

    [Fact]
    public void Late_opening_does_not_take_ownership_back_from_a_later_assignment()
    {
        var s = new ComplaintScenario();
        var opened = s.Event(EventType.ComplaintOpened, TimeSpan.Zero, e => e with { AgentId = "agent-1", TeamId = "team-1" });
        s.Assigned(Min(5), "agent-2");
        s.Complaint.Apply(opened);

        Assert.Equal("agent-2", s.Complaint.State.AgentId);
        Assert.Equal("team-1", s.Complaint.State.TeamId);
    }

    [Fact]
    public void Assignment_placed_before_a_later_one_does_not_win()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero).Assigned(Hours(2), "agent-3").Assigned(Hours(1), "agent-2");

        Assert.Equal("agent-3", s.Complaint.State.AgentId);
    }
}
