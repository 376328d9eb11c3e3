namespace Realtime.Domain.Quarters;

/// <summary>One team in the quarterly group competition (季度竞赛).</summary>
/// <param name="TeamId">The team.</param>
/// <param name="Kpis">Its KPIs for the quarter.</param>
/// <param name="MeanFinalScore">The mean final score of its agents that have one (rounded), or null.</param>
/// <param name="Rank">Competition rank by <paramref name="MeanFinalScore"/>, or null without one.</param>
public sealed record TeamAppraisal(string TeamId, QuarterKpis Kpis, double? MeanFinalScore, int? Rank);
