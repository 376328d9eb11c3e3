using Realtime.Domain.Events;

namespace Realtime.Grains.Agents;

/// <summary>What an agent's batch means for its team.</summary>
/// <param name="TeamId">The agent's team as last seen in its events, or null while unknown.</param>
/// <param name="ForTeam">The batch's surveys and follow-ups of the agent (in journal order).</param>
public sealed record AgentApplyResult(string? TeamId, IReadOnlyList<FloorEvent> ForTeam)
{
    /// <summary>Nothing for a team.</summary>
    public static AgentApplyResult None { get; } = new(null, []);
}
