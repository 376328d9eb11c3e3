using System.Text.Json;
using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;
using static Realtime.Domain.Tests.Complaints.Span;

namespace Realtime.Domain.Tests.Complaints;

public class ComplaintViewTests
{
    [Fact]
    public void View_shows_the_opening_details_with_masked_customer_data()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero, Severity.High);

        var view = s.Complaint.View(ComplaintScenario.At(Min(1)));

        Assert.Equal("C-1", view.Id);
        Assert.Equal(ComplaintStatus.Open, view.Status);
        Assert.Equal(("team-1", "agent-1", "agent-9"), (view.TeamId, view.AgentId, view.AboutAgentId));
        Assert.Equal(("claims", "12378", Severity.High), (view.Category, view.Channel, view.Severity));
        Assert.Equal("张**", view.CustomerName);
        Assert.Equal("138****1234", view.CustomerPhone);
        Assert.Equal(ComplaintScenario.T0, view.OpenedAt);
        Assert.Equal((0, EscalationRole.None), (view.EscalationLevel, view.EscalationRole));
    }

    [Fact]
    public void Serialized_view_never_contains_the_raw_customer_data()
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero);

        var json = JsonSerializer.Serialize(s.Complaint.View(ComplaintScenario.At(Min(1))));

        Assert.DoesNotContain("三丰", json);
        Assert.DoesNotContain("13812341234", json);
    }

    [Fact]
    public void Opening_details_come_from_the_earliest_opening()
    {
        var s = new ComplaintScenario();
        s.Apply(EventType.ComplaintOpened, Min(5), e => e with { Category = "billing", TeamId = "team-1" });
        s.Apply(EventType.ComplaintOpened, TimeSpan.Zero, e => e with { Category = "claims", TeamId = "team-1" });
        s.Apply(EventType.ComplaintOpened, Min(9), e => e with { Category = "renewal", TeamId = "team-1" });

        Assert.Equal("claims", s.Complaint.State.Category);
        Assert.Equal(ComplaintScenario.T0, s.Complaint.OpenedAt);
    }

    [Theory]
    [InlineData(JsonSerializerDefaults.General)]
    [InlineData(JsonSerializerDefaults.Web)]
    public void State_round_trips_through_json_with_the_same_view_and_pending_signals(JsonSerializerDefaults defaults)
    {
        var s = new ComplaintScenario().Opened(TimeSpan.Zero, Severity.High).Responded(Min(3)).Paused(Hours(1)).Resumed(Hours(2)).Escalated(Hours(3), 2);
        s.Complaint.Advance(ComplaintScenario.At(Hours(4)));
        var options = new JsonSerializerOptions(defaults);

        var json = JsonSerializer.Serialize(s.Complaint.State, options);
        var reloaded = new Complaint(JsonSerializer.Deserialize<ComplaintState>(json, options)!, SlaPolicy.Default);

        Assert.Equal(json, JsonSerializer.Serialize(reloaded.State, options));
        var now = ComplaintScenario.At(Hours(5));
        Assert.Equal(JsonSerializer.Serialize(s.Complaint.View(now)), JsonSerializer.Serialize(reloaded.View(now)));
        Assert.Equal(s.Complaint.NextDueAt(), reloaded.NextDueAt());
        Assert.Equal(s.Complaint.State.Events.Select(e => e.Id), reloaded.State.Events.Select(e => e.Id));
        Assert.False(reloaded.Apply(s.Event(EventType.ComplaintPaused, Hours(1)) with { Id = s.Complaint.State.Events[2].Id }));
    }
}
