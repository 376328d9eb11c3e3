using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>
/// <c>GET /api/floor/board</c>: the floor's KPIs, every team's KPIs, the most urgent open complaints, every agent's score
/// over the window (with its team), and the edges that grade totals.
/// </summary>
public sealed record FloorBoard(string Window, DateTimeOffset GeneratedAt, KpisResource Floor, IReadOnlyList<KpisResource> Teams, OpenComplaintList Complaints,
    IReadOnlyList<BoardAgent> Agents, TotalScoreBands TotalBands);
