using Realtime.Domain.Clocks;
using Realtime.Domain.Complaints;
using Realtime.Domain.Events;

namespace Realtime.Domain.Tests.Complaints;

/// <summary>Builds a complaint's events at offsets from a fixed base instant (2026-11-02T09:00:00+08:00).</summary>
internal sealed class ComplaintScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private int _next;

    public ComplaintScenario(SlaPolicy? policy = null, string id = "C-1") => Complaint = Complaint.Create(id, policy ?? SlaPolicy.Default);

    public Complaint Complaint { get; private set; }

    public static DateTimeOffset At(TimeSpan offset) => T0 + offset;

    public FloorEvent Event(EventType type, TimeSpan offset, Func<FloorEvent, FloorEvent>? shape = null)
    {
        var e = new FloorEvent { Id = $"ev-{++_next}", Type = type, OccurredAt = At(offset), ComplaintId = Complaint.Id, Sequence = _next };
        return shape is null ? e : shape(e);
    }

    public bool Apply(EventType type, TimeSpan offset, Func<FloorEvent, FloorEvent>? shape = null) => Complaint.Apply(Event(type, offset, shape));

    public ComplaintScenario Opened(TimeSpan offset, Severity severity = Severity.Normal, string agentId = "agent-1", string teamId = "team-1")
    {
        Apply(EventType.ComplaintOpened, offset, e => e with
        {
            TeamId = teamId,
            AgentId = agentId,
            AboutAgentId = "agent-9",
            Category = "claims",
            Channel = "12378",
            Severity = severity,
            CustomerId = "cust-1",
            CustomerName = "张三丰",
            CustomerPhone = "13812341234",
        });
        return this;
    }

    public ComplaintScenario Responded(TimeSpan offset, string agentId = "agent-1")
    {
        Apply(EventType.ComplaintResponded, offset, e => e with { AgentId = agentId });
        return this;
    }

    public ComplaintScenario Assigned(TimeSpan offset, string agentId, string? teamId = null)
    {
        Apply(EventType.ComplaintAssigned, offset, e => e with { AgentId = agentId, TeamId = teamId });
        return this;
    }

    public ComplaintScenario Paused(TimeSpan offset) => Then(EventType.ComplaintPaused, offset);
    public ComplaintScenario Resumed(TimeSpan offset) => Then(EventType.ComplaintResumed, offset);
    public ComplaintScenario Resolved(TimeSpan offset) => Then(EventType.ComplaintResolved, offset);
    public ComplaintScenario Reopened(TimeSpan offset) => Then(EventType.ComplaintReopened, offset);

    public ComplaintScenario Escalated(TimeSpan offset, int? level = null)
    {
        Apply(EventType.ComplaintEscalated, offset, e => e with { Level = level });
        return this;
    }

    /// <summary>Saves the state as JSON and wraps the reloaded copy, as a grain does across activations.</summary>
    public ComplaintScenario Reload()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Complaint.State);
        Complaint = new Complaint(System.Text.Json.JsonSerializer.Deserialize<ComplaintState>(json)!, Complaint.Policy);
        return this;
    }

    public ClockView Clock(string name, TimeSpan offset) => Complaint.View(At(offset)).Clocks.Single(c => c.Name == name);

    private ComplaintScenario Then(EventType type, TimeSpan offset)
    {
        Apply(type, offset);
        return this;
    }
}

/// <summary>Short duration helpers for readable offsets.</summary>
internal static class Span
{
    public static TimeSpan Sec(double seconds) => TimeSpan.FromSeconds(seconds);
    public static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);
    public static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);
    public static TimeSpan Days(double days) => TimeSpan.FromDays(days);
}
