using Realtime.Domain.Events;

namespace Realtime.Domain.Complaints;

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
