using Realtime.Domain.Scorecards;
using Realtime.Grains.Teams;

namespace Realtime.Grains.Agents;

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
