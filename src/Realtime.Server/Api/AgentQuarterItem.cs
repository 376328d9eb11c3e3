namespace Realtime.Server.Api;

/// <summary>One closed quarter in <c>GET /api/agents/{id}/quarters</c>.</summary>
public sealed record AgentQuarterItem(string Quarter, double? FinalScore, double? SelfTotal, double? SupervisorTotal, double? BonusCoefficient, int? RankInTeam, int? RankOnFloor);
