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

/// <summary>
/// The part of one complaint event the clocks and owner need. <see cref="AgentId"/> and <see cref="TeamId"/> are kept
/// when the event names them, so that a late <c>complaint.opened</c> does not take ownership back from a later assignment.
/// </summary>
/// <param name="Id">The event id (idempotency key).</param>
/// <param name="Type">A <c>complaint.*</c> type.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Sequence">Journal arrival order; breaks ties between events at the same instant.</param>
/// <param name="Level">The requested level of a <c>complaint.escalated</c>.</param>
/// <param name="AgentId">The agent the event names, if any.</param>
/// <param name="TeamId">The team the event names, if any.</param>
/// <param name="ReasonCode">The reason code of a <c>complaint.breachExplained</c>.</param>
/// <param name="Clock">The clock a <c>complaint.breachExplained</c> explains.</param>
/// <param name="Reason">The free text of a <c>complaint.breachExplained</c>.</param>
public sealed record ComplaintEventEntry(
    string Id,
    EventType Type,
    DateTimeOffset OccurredAt,
    long Sequence,
    int? Level = null,
    string? AgentId = null,
    string? TeamId = null,
    string? ReasonCode = null,
    string? Clock = null,
    string? Reason = null);

/// <summary>A warning already signalled.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Cycle">The clock's run (0, then +1 per restart on reopen).</param>
/// <param name="Fraction">The highest fraction signalled; lower fractions count as done.</param>
/// <param name="At">The instant the fraction was reached.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record WarningRecord(string Clock, int Cycle, double Fraction, DateTimeOffset At, DateTimeOffset DetectedAt, bool Late);

/// <summary>A breach already signalled.</summary>
/// <param name="Clock">Clock name.</param>
/// <param name="Cycle">The clock's run (0, then +1 per restart on reopen).</param>
/// <param name="BreachedAt">The true due instant.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record BreachRecord(string Clock, int Cycle, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late);

/// <summary>An escalation level already signalled.</summary>
/// <param name="Level">1 team lead, 2 deputy director, 3 director.</param>
/// <param name="At">The instant the level was due.</param>
/// <param name="DetectedAt">The <c>now</c> of the advance that signalled it.</param>
/// <param name="Late">Whether it was detected later than the tolerance.</param>
public sealed record EscalationRecord(int Level, DateTimeOffset At, DateTimeOffset DetectedAt, bool Late);
