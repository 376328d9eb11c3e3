using Realtime.Domain.Events;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Deadlines;
using Realtime.Grains.Teams;

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

/// <summary>What an agent's batch means for its team.</summary>
/// <param name="TeamId">The agent's team as last seen in its events, or null while unknown.</param>
/// <param name="ForTeam">The batch's surveys and follow-ups of the agent (in journal order).</param>
public sealed record AgentApplyResult(string? TeamId, IReadOnlyList<FloorEvent> ForTeam)
{
    /// <summary>Nothing for a team.</summary>
    public static AgentApplyResult None { get; } = new(null, []);
}

/// <summary>The kinds of <see cref="AgentComplaintFact"/>.</summary>
public enum AgentComplaintFactKind
{
    /// <summary>A complaint was opened about the agent (its <c>aboutAgentId</c>).</summary>
    ComplaintAbout,
    /// <summary>The agent gave a complaint its first response.</summary>
    FirstResponse,
}

/// <summary>A fact a complaint grain tells an agent grain.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="At">When: the opening instant, or the first response's.</param>
/// <param name="ResponseTime">For a first response: the time from opening to it.</param>
/// <param name="TeamId">The complaint's team, when the agent owns it (teaches the agent grain its team).</param>
public sealed record AgentComplaintFact(AgentComplaintFactKind Kind, string ComplaintId, DateTimeOffset At, TimeSpan ResponseTime = default, string? TeamId = null)
{
    /// <summary>Unique per complaint and kind: each is told once.</summary>
    public string Key => ComplaintId + (Kind == AgentComplaintFactKind.ComplaintAbout ? "|about" : "|firstResponse");
}

/// <summary>What an agent grain persists.</summary>
public sealed class AgentGrainState
{
    /// <summary>The scorecard history; null before the first event.</summary>
    public AgentActivity? Activity { get; set; }

    /// <summary>The agent's team as last seen in its events.</summary>
    public string? TeamId { get; set; }

    /// <summary>Highest journal sequence applied, so a replay skips what the stored state already holds.</summary>
    public long AppliedSequence { get; set; }

    /// <summary>The latest local date with activity (drives the midnight reminder).</summary>
    public DateOnly? LastActiveOn { get; set; }

    /// <summary>Complaint facts recently recorded.</summary>
    public RecentKeys RecentFacts { get; set; } = new();
}
