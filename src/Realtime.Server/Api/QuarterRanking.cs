namespace Realtime.Server.Api;

/// <summary><c>GET /api/quarters/{quarter}/ranking</c>: the closed quarter's agents by floor rank (绩效公示).</summary>
/// <param name="Quarter">The quarter.</param>
/// <param name="Hash">The snapshot's hash (the ranking is read from it).</param>
/// <param name="Items">Ranked agents by rank, then agents without a final score by id.</param>
public sealed record QuarterRanking(string Quarter, string Hash, IReadOnlyList<RankingItem> Items);
