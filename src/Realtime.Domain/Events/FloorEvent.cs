namespace Realtime.Domain.Events;

/// <summary>
/// One accepted event from the floor, already validated against the ingest contract.
/// Fields a type does not use are null. <see cref="OccurredAt"/> places the event in time;
/// <see cref="Sequence"/> is its arrival order (assigned by the journal, 0 before that).
/// </summary>
public sealed record FloorEvent
{
    /// <summary>Idempotency key, unique for all time.</summary>
    public required string Id { get; init; }
    /// <summary>The contract type.</summary>
    public required EventType Type { get; init; }
    /// <summary>When it happened (not when it arrived).</summary>
    public required DateTimeOffset OccurredAt { get; init; }
    /// <summary>Arrival order, assigned when the event is journaled.</summary>
    public long Sequence { get; init; }

    public string? ComplaintId { get; init; }
    public string? TeamId { get; init; }
    public string? AgentId { get; init; }
    public string? AboutAgentId { get; init; }
    public string? Category { get; init; }
    public Severity? Severity { get; init; }
    public string? Channel { get; init; }
    public string? CustomerId { get; init; }
    /// <summary>Customer name, as received; never shown unmasked.</summary>
    public string? CustomerName { get; init; }
    /// <summary>Customer phone, as received; never shown unmasked.</summary>
    public string? CustomerPhone { get; init; }
    public string? Reason { get; init; }
    public int? Level { get; init; }
    public bool? FirstContact { get; init; }
    public string? ContactId { get; init; }
    public bool? FirstContactResolved { get; init; }
    public double? ResponseSeconds { get; init; }
    public double? Score { get; init; }
    public DateTimeOffset? VisitedAt { get; init; }
    public string? Indicator { get; init; }
    public double? Value { get; init; }
    public string? Period { get; init; }
    public Rater? Rater { get; init; }
    /// <summary>The generic case of a <c>case.*</c> event.</summary>
    public string? CaseId { get; init; }
    /// <summary>The case's type from <c>case.opened</c>, e.g. <c>claim</c> or <c>followup</c>.</summary>
    public string? CaseType { get; init; }
    /// <summary>The step a <c>case.step</c> reports, e.g. <c>surveyAccepted</c>.</summary>
    public string? Step { get; init; }
    /// <summary>Facts about a case (<c>amount</c>, <c>injury</c> …) that clock conditions test.</summary>
    public IReadOnlyDictionary<string, CaseAttribute>? Attributes { get; init; }
    /// <summary>The configured reason code of a <c>*.breachExplained</c> (its free text is <see cref="Reason"/>).</summary>
    public string? ReasonCode { get; init; }
    /// <summary>The breached clock a <c>*.breachExplained</c> explains; null: the first breach.</summary>
    public string? Clock { get; init; }
}
