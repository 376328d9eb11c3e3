using Realtime.Domain.Quarters;

namespace Realtime.Server.Api;

/// <summary>One team of <c>GET /api/quarters/{quarter}/teams</c>: the quarter's group competition (季度竞赛).</summary>
/// <param name="Rank">Competition rank by mean final score, or null without one.</param>
/// <param name="TeamId">The team.</param>
/// <param name="MeanFinalScore">The mean final score of its agents that have one, or null.</param>
/// <param name="Agents">How many of its agents the snapshot appraised.</param>
/// <param name="Kpis">The quarter KPIs it was judged on.</param>
public sealed record TeamRankingItem(int? Rank, string TeamId, double? MeanFinalScore, int Agents, QuarterKpis Kpis);
