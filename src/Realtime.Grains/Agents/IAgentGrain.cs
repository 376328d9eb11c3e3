using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Deadlines;

namespace Realtime.Grains.Agents;

/// <summary>
/// One agent (客服专员), keyed by agent id: keeps the agent's compact history (<see cref="AgentActivity"/>), computes the
/// rolling scorecards from it and pushes <c>scoreChanged</c> when one changes.
/// </summary>
public interface IAgentGrain : IDeadlineReceiver
{
    /// <summary>
    /// Applies the agent's own events (<c>service.handled</c>, <c>survey.submitted</c>, <c>praise.received</c>,
    /// <c>followup.completed</c>, <c>agent.rated</c>) in journal order; events at or below the applied sequence are skipped.
    /// Returns the agent's team and the events of the batch its team's KPIs also need (surveys and follow-ups,
    /// which name no team), replays included, so the team can catch up after a restart.
    /// </summary>
    Task<AgentApplyResult> ApplyAsync(IReadOnlyList<FloorEvent> events);

    /// <summary>Records what complaint grains found about this agent: complaints about them and their first responses. A fact already recorded is ignored.</summary>
    Task RecordComplaintFactsAsync(IReadOnlyList<AgentComplaintFact> facts);

    /// <summary>The scorecard over <paramref name="window"/> at the current instant; null when the agent never had an event.</summary>
    Task<ScorecardResource?> GetScorecardAsync(ScorecardWindow window);
}
