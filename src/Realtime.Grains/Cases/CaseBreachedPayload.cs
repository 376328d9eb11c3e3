namespace Realtime.Grains.Cases;

/// <summary>Payload of <c>caseBreached</c>: <see cref="BreachedAt"/> is the true due instant, <see cref="DetectedAt"/> when the server noticed.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CaseType">Its type.</param>
/// <param name="Clock">The clock.</param>
/// <param name="DueAt">The due instant.</param>
/// <param name="BreachedAt">The breach instant (the due instant).</param>
/// <param name="DetectedAt">When the server noticed (later only after downtime).</param>
/// <param name="Late">Detected later than the tolerance.</param>
/// <param name="AgentId">The case's owner.</param>
/// <param name="TeamId">The case's team.</param>
public sealed record CaseBreachedPayload(string CaseId, string? CaseType, string Clock, DateTimeOffset DueAt, DateTimeOffset BreachedAt, DateTimeOffset DetectedAt, bool Late, string? AgentId, string? TeamId);
