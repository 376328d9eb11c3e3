namespace Realtime.Domain.BreachCauses;

/// <summary>How many explained breaches of one team or agent had each reason.</summary>
/// <param name="Id">The team or agent id (empty when the event named none).</param>
/// <param name="TeamId">The agent's team (for agents; the team itself for teams).</param>
/// <param name="Total">All its explained breaches.</param>
/// <param name="Reasons">Count per reason code.</param>
public sealed record BreachCauseCount(string Id, string? TeamId, int Total, IReadOnlyDictionary<string, int> Reasons);
