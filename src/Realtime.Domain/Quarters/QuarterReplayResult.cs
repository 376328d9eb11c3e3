using Realtime.Domain.Kpis;

namespace Realtime.Domain.Quarters;

/// <summary>What a <see cref="QuarterEventReplay"/> rebuilt: every agent's quarter history and team, and every team's activity.</summary>
/// <param name="Agents">The agents' histories and teams (the input of <see cref="QuarterAppraisal.Build"/>).</param>
/// <param name="Teams">The teams' activity in the quarter (the input of <see cref="QuarterAppraisal.ComputeTeamKpis"/>), by team id.</param>
public sealed record QuarterReplayResult(IReadOnlyList<AgentQuarterInput> Agents, IReadOnlyList<TeamActivity> Teams)
{
    /// <summary>The explained breaches of the complaints opened in the quarter, each under the team and owner at its breach instant.</summary>
    public IReadOnlyList<BreachCauses.BreachCause> BreachCauses { get; init; } = [];
}
