namespace Realtime.Domain.BreachCauses;

/// <summary>Why a breach happened, as the owner or a supervisor recorded it (<c>complaint.breachExplained</c>, <c>case.breachExplained</c>).</summary>
/// <param name="Clock">The breached clock it explains; null: the complaint's or case's first breach.</param>
/// <param name="ReasonCode">One of the configured reason codes.</param>
/// <param name="Reason">Free text (required with <c>other</c>).</param>
/// <param name="ExplainedAt">When it was recorded.</param>
/// <param name="ExplainedBy">Who recorded it, when the event says.</param>
public sealed record BreachExplanation(string? Clock, string ReasonCode, string? Reason, DateTimeOffset ExplainedAt, string? ExplainedBy);
