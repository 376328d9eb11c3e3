using Realtime.Actors;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Agents;
using Realtime.Grains.Complaints;
using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>Scorecards and boards: <c>GET /api/agents/{id}/scorecard</c>, <c>/api/teams</c>, <c>/api/teams/{id}/board</c>, <c>/api/floor/board</c>.</summary>
public static class ScorecardEndpoints
{
    /// <summary>Default number of open complaints on a board.</summary>
    public const int DefaultBoardLimit = 50;

    /// <summary>Maps the scorecard and board endpoints.</summary>
    public static void MapScorecards(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agents/{id}/scorecard", async (string id, string? window, IGrainFactory grains) =>
        {
            if (!TryWindow(window, out var w, out var problem)) return problem;
            return await grains.GetGrain<IAgentGrain>(id).GetScorecardAsync(w) is { } scorecard
                ? Results.Ok(scorecard)
                : Problems.Status(StatusCodes.Status404NotFound, "Agent not found", $"No event of agent '{id}' has been received.");
        });

        app.MapGet("/api/teams", async (IGrainFactory grains, OpenComplaintDirectory directory) =>
        {
            var counts = directory.CountsByTeam();
            var teams = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
            return Results.Ok(new
            {
                items = teams.Select(t => counts.TryGetValue(t, out var c)
                    ? new TeamListItem(t, c.Open, c.Paused, c.Breached)
                    : new TeamListItem(t, 0, 0, 0)).ToList(),
            });
        });

        app.MapGet("/api/teams/{id}/board", TeamBoardAsync);
        app.MapGet("/api/floor/board", FloorBoardAsync);
    }

    private static async Task<IResult> TeamBoardAsync(string id, string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, TimeProvider time)
    {
        if (!TryWindow(window, out var w, out var problem) || !TryLimit(limit, out var top, out problem)) return problem;
        var team = grains.GetGrain<ITeamGrain>(id);
        if (await team.GetKpisAsync(w) is not { } kpis)
            return Problems.Status(StatusCodes.Status404NotFound, "Team not found", $"No event of team '{id}' has been received.");
        var agentIds = await team.GetAgentIdsAsync();
        var cards = await Task.WhenAll(agentIds.Select(a => grains.GetGrain<IAgentGrain>(a).GetScorecardAsync(ScorecardWindow.Today)));
        var agents = cards.Where(c => c is not null && c.TeamId == id).Select(c => AgentScoreSummary.From(c!))
            .OrderByDescending(a => a.Total ?? double.MinValue).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        return Results.Ok(new TeamBoard(id, w.ToWireName(), time.GetUtcNow(), KpisResource.Of(kpis), agents, await OpenComplaintsAsync(grains, directory, id, top)));
    }

    private static async Task<IResult> FloorBoardAsync(string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, KpiTargets targets, TimeProvider time)
    {
        if (!TryWindow(window, out var w, out var problem) || !TryLimit(limit, out var top, out problem)) return problem;
        var now = time.GetUtcNow();
        var teamIds = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
        var snapshots = (await Task.WhenAll(teamIds.Select(t => grains.GetGrain<ITeamGrain>(t).GetSnapshotAsync()))).OfType<TeamSnapshot>().ToList();
        var teams = snapshots.Select(s => KpisResource.Of(TeamKpis.Compute(s.Activity, w, now, targets))).ToList();
        var floor = KpisResource.Of(TeamKpis.Compute(TeamActivity.Merge("floor", snapshots.Select(s => s.Activity)), w, now, targets));
        return Results.Ok(new FloorBoard(w.ToWireName(), now, floor, teams, await OpenComplaintsAsync(grains, directory, null, top)));
    }

    private static async Task<OpenComplaintList> OpenComplaintsAsync(IGrainFactory grains, OpenComplaintDirectory directory, string? team, int limit)
    {
        var (items, total) = directory.Query(team, null, limit);
        var views = await Task.WhenAll(items.Select(s => grains.GetGrain<IComplaintGrain>(s.ComplaintId).GetAsync()));
        return new OpenComplaintList(views.Where(v => v is not null).Select(v => ComplaintResource.From(v!)).ToList(), total);
    }

    private static bool TryWindow(string? text, out ScorecardWindow window, out IResult problem)
    {
        problem = null!;
        if (string.IsNullOrEmpty(text))
        {
            window = ScorecardWindow.Today;
            return true;
        }
        if (ScorecardWindows.TryParse(text, out window)) return true;
        problem = Problems.BadParameter("window", $"'{text}' is not a window; expected one of: today, 7d, qtd");
        return false;
    }

    private static bool TryLimit(int? limit, out int top, out IResult problem)
    {
        problem = null!;
        top = limit ?? DefaultBoardLimit;
        if (top is >= 1 and <= QueryEndpoints.MaxLimit) return true;
        problem = Problems.BadParameter("limit", $"must be from 1 to {QueryEndpoints.MaxLimit}");
        return false;
    }
}

/// <summary>One team in <c>GET /api/teams</c>, with its open, paused and breached complaints now.</summary>
public sealed record TeamListItem(string TeamId, int OpenComplaints, int PausedComplaints, int BreachedComplaints);

/// <summary>Open complaints, most urgent first, and how many are open in all.</summary>
public sealed record OpenComplaintList(IReadOnlyList<ComplaintResource> Items, int Total);

/// <summary><c>GET /api/teams/{id}/board</c>: the team's KPIs over the window, its agents' scores today, its open complaints.</summary>
public sealed record TeamBoard(string TeamId, string Window, DateTimeOffset GeneratedAt, KpisResource Kpis, IReadOnlyList<AgentScoreSummary> Agents, OpenComplaintList Complaints);

/// <summary><c>GET /api/floor/board</c>: the floor's KPIs, every team's KPIs, the most urgent open complaints.</summary>
public sealed record FloorBoard(string Window, DateTimeOffset GeneratedAt, KpisResource Floor, IReadOnlyList<KpisResource> Teams, OpenComplaintList Complaints);
