namespace Realtime.Server.Api;

/// <summary><c>GET /api/quarters/{quarter}/teams</c>: the closed quarter's teams by competition rank.</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Hash">The snapshot's hash (the ranking is read from it).</param>
/// <param name="Items">Ranked teams by rank, then teams without a score by id.</param>
public sealed record TeamRanking(string Quarter, string Hash, IReadOnlyList<TeamRankingItem> Items);
