namespace Realtime.Server.Api;

/// <summary>One agent of <see cref="QuarterRanking"/>; ranks and scores are null when the agent has no final score.</summary>
public sealed record RankingItem(int? RankOnFloor, string AgentId, string? TeamId, double? FinalScore, double? BonusCoefficient, int? RankInTeam, double? SelfTotal, double? SupervisorTotal);
