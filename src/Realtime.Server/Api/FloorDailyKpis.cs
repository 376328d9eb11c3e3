namespace Realtime.Server.Api;

/// <summary><c>GET /api/floor/kpis/daily</c>: the department's daily series and every team's.</summary>
/// <param name="GeneratedAt">The server time the series end at.</param>
/// <param name="Floor">The department (all teams merged; <c>teamId</c> is <c>floor</c>).</param>
/// <param name="Teams">Each team's series, by team id.</param>
public sealed record FloorDailyKpis(DateTimeOffset GeneratedAt, DailyKpisResource Floor, IReadOnlyList<DailyKpisResource> Teams);
