namespace Realtime.Domain.BreachCauses;

/// <summary>One explained breach, counted under the day of the breach and the team and owner it happened to.</summary>
/// <param name="Key">Unique per subject and clock (<c>complaint:C1/firstResponse</c>): a later explanation of the same breach replaces it.</param>
/// <param name="Clock">The breached clock.</param>
/// <param name="ReasonCode">Why.</param>
/// <param name="Day">The local day of the breach.</param>
/// <param name="TeamId">The team the complaint or case belongs to.</param>
/// <param name="AgentId">Its owner, the agent accountable.</param>
public sealed record BreachCause(string Key, string Clock, string ReasonCode, DateOnly Day, string? TeamId, string? AgentId);
