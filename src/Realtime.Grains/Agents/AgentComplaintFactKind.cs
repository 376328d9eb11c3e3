namespace Realtime.Grains.Agents;

/// <summary>The kinds of <see cref="AgentComplaintFact"/>.</summary>
public enum AgentComplaintFactKind
{
    /// <summary>A complaint was opened about the agent (its <c>aboutAgentId</c>).</summary>
    ComplaintAbout,
    /// <summary>The agent gave a complaint its first response.</summary>
    FirstResponse,
}
