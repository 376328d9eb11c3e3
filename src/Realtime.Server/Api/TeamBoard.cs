using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary><c>GET /api/teams/{id}/board</c>: the team's KPIs and its agents' scores over the window, its open complaints, and the edges that grade totals.</summary>
public sealed record TeamBoard(string TeamId, string Window, DateTimeOffset GeneratedAt, KpisResource Kpis, IReadOnlyList<BoardAgent> Agents, OpenComplaintList Complaints, TotalScoreBands TotalBands);
