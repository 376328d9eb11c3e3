using Realtime.Domain.Events;

namespace Realtime.Domain.Complaints;

/// <summary>
/// Everything a complaint knows, as plain data that round-trips through System.Text.Json (save it, reload it,
/// wrap it again in a <see cref="Complaint"/>). Customer name and phone are kept raw here and masked only in
/// <see cref="ComplaintView"/>. Mutate it only through <see cref="Complaint"/>.
/// </summary>
public sealed class ComplaintState
{
    /// <summary>The complaint id (<c>complaintId</c> of its events).</summary>
    public string Id { get; set; } = "";
    /// <summary>Current team: from <c>complaint.opened</c>, moved by a later <c>complaint.assigned</c> naming a team.</summary>
    public string? TeamId { get; set; }
    /// <summary>Current owner: the agent of the latest (by time) <c>complaint.assigned</c>, else the assignee at opening.</summary>
    public string? AgentId { get; set; }
    /// <summary>The agent the complaint is about (for the complaint rate), from <c>complaint.opened</c>.</summary>
    public string? AboutAgentId { get; set; }
    /// <summary>Complaint category, e.g. claims (理赔).</summary>
    public string? Category { get; set; }
    /// <summary>Arrival channel, e.g. the regulator's 12378 hotline.</summary>
    public string? Channel { get; set; }
    /// <summary>Severity from <c>complaint.opened</c>; normal until it is known.</summary>
    public Severity Severity { get; set; }
    /// <summary>The customer's id.</summary>
    public string? CustomerId { get; set; }
    /// <summary>Raw customer name; personal data, never shown unmasked.</summary>
    public string? CustomerName { get; set; }
    /// <summary>Raw customer phone; personal data, never shown unmasked.</summary>
    public string? CustomerPhone { get; set; }

    /// <summary>The complaint's own events, sorted by occurrence (see <see cref="ComplaintEventEntry"/>).</summary>
    public List<ComplaintEventEntry> Events { get; set; } = [];
    /// <summary>Warnings already signalled.</summary>
    public List<WarningRecord> Warnings { get; set; } = [];
    /// <summary>Breaches already signalled.</summary>
    public List<BreachRecord> Breaches { get; set; } = [];
    /// <summary>Escalation levels already signalled, in order.</summary>
    public List<EscalationRecord> Escalations { get; set; } = [];

    /// <summary>A copy whose lists can change without touching this one (their entries are immutable records).</summary>
    internal ComplaintState Copy()
    {
        var copy = (ComplaintState)MemberwiseClone();
        copy.Events = [.. Events];
        copy.Warnings = [.. Warnings];
        copy.Breaches = [.. Breaches];
        copy.Escalations = [.. Escalations];
        return copy;
    }
}
