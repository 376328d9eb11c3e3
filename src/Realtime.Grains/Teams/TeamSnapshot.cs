using Realtime.Domain.Kpis;

namespace Realtime.Grains.Teams;

/// <summary>A copy of a team's state, safe to read outside the grain.</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Activity">A copy of its KPI history.</param>
/// <param name="AgentIds">The agents seen working for it, sorted.</param>
public sealed record TeamSnapshot(string TeamId, TeamActivity Activity, IReadOnlyList<string> AgentIds);
