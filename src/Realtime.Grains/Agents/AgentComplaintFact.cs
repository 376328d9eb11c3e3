namespace Realtime.Grains.Agents;

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
