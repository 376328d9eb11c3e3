namespace Realtime.Grains.Cases;

/// <summary>Payload of <c>caseWarning</c>.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CaseType">Its type.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Fraction">The fraction of the target passed.</param>
/// <param name="DueAt">When it breaches if it keeps running.</param>
/// <param name="WarnedAt">When the fraction was reached.</param>
/// <param name="AgentId">The case's owner.</param>
/// <param name="TeamId">The case's team.</param>
/// <param name="Late">Detected later than the tolerance.</param>
public sealed record CaseWarningPayload(string CaseId, string? CaseType, string Clock, double Fraction, DateTimeOffset DueAt, DateTimeOffset WarnedAt, string? AgentId, string? TeamId, bool Late);
