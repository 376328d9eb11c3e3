namespace Realtime.Server.Api;

/// <summary><c>GET /api/floor/kpis/weekly|monthly</c>: the department's series and every team's.</summary>
/// <param name="GeneratedAt">The server time the series end at.</param>
/// <param name="Floor">The department (all teams merged; <c>teamId</c> is <c>floor</c>).</param>
/// <param name="Teams">Each team's series.</param>
public sealed record FloorPeriodKpis(DateTimeOffset GeneratedAt, PeriodKpisResource Floor, IReadOnlyList<PeriodKpisResource> Teams);
