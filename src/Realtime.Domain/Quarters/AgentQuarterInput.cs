using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Quarters;

/// <summary>An agent's quarter history and team, the input of <see cref="QuarterAppraisal.Build"/>.</summary>
/// <param name="Activity">The agent's history (must hold the quarter's days and ratings).</param>
/// <param name="TeamId">The team the agent is appraised in, or null.</param>
public sealed record AgentQuarterInput(AgentActivity Activity, string? TeamId);
