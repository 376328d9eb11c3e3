using Realtime.Domain.Events;

namespace Realtime.Domain.Cases;

/// <summary>The part of one <c>case.*</c> event the clocks, owner and attributes need.</summary>
/// <param name="Id">The event id (idempotency key).</param>
/// <param name="Type">A <c>case.*</c> type.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Sequence">Journal arrival order; breaks ties between events at the same instant.</param>
/// <param name="Step">The step of a <c>case.step</c>.</param>
/// <param name="AgentId">The agent the event names, if any.</param>
/// <param name="TeamId">The team the event names, if any.</param>
/// <param name="Attributes">The attributes the event sets, if any.</param>
/// <param name="ReasonCode">The reason code of a <c>case.breachExplained</c>.</param>
/// <param name="Clock">The clock a <c>case.breachExplained</c> explains.</param>
/// <param name="Reason">The free text of a <c>case.breachExplained</c>.</param>
public sealed record CaseEventEntry(
    string Id,
    EventType Type,
    DateTimeOffset OccurredAt,
    long Sequence,
    string? Step = null,
    string? AgentId = null,
    string? TeamId = null,
    IReadOnlyDictionary<string, CaseAttribute>? Attributes = null,
    string? ReasonCode = null,
    string? Clock = null,
    string? Reason = null);
