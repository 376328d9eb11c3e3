namespace Realtime.Grains.Cases;

/// <summary>Payload of <c>caseEscalated</c>: a breached case clock climbed the escalation chain (as <c>escalated</c> for complaints).</summary>
/// <param name="CaseId">The case.</param>
/// <param name="CaseType">Its type.</param>
/// <param name="Clock">The breached clock that reached the level.</param>
/// <param name="Level">1 team lead, 2 deputy director, 3 director.</param>
/// <param name="Role">The role's wire name: <c>teamLead</c>, <c>deputyDirector</c> or <c>director</c>.</param>
/// <param name="At">The instant the level was reached.</param>
/// <param name="Late">Detected later than the tolerance.</param>
/// <param name="AgentId">The case's owner.</param>
/// <param name="TeamId">The case's team.</param>
public sealed record CaseEscalatedPayload(string CaseId, string? CaseType, string Clock, int Level, string Role, DateTimeOffset At, bool Late, string? AgentId, string? TeamId);
