using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.Agents;
using Realtime.Grains.Complaints;
using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>Scorecards and boards: <c>GET /api/agents/{id}/scorecard</c>, <c>/api/teams</c>, <c>/api/teams/{id}/board</c>, <c>/api/floor/board</c> (and, through <see cref="KpiTrendEndpoints"/>, the daily KPI trends).</summary>
public static class ScorecardEndpoints
{
    /// <summary>Default number of open complaints on a board.</summary>
    public const int DefaultBoardLimit = 50;

    /// <summary>Maps the scorecard and board endpoints (and the KPI trends), grading totals with <see cref="TotalScoreBands"/> from configuration.</summary>
    public static void MapScorecards(this IEndpointRouteBuilder app)
    {
        var bands = app.ServiceProvider.GetRequiredService<TotalScoreBands>();

        app.MapGet("/api/agents/{id}/scorecard", async (string id, string? window, IGrainFactory grains, IOptions<JsonOptions> json) =>
        {
            if (!TryWindow(window, out var w, out var problem)) return problem;
            if (await grains.GetGrain<IAgentGrain>(id).GetScorecardAsync(w) is not { } scorecard)
                return Problems.Status(StatusCodes.Status404NotFound, "Agent not found", $"No event of agent '{id}' has been received.");
            // The scorecard as the grains push it, plus the total's band and the edges that graded it (additions to contract v1).
            var body = JsonSerializer.SerializeToNode(scorecard, json.Value.SerializerOptions)!.AsObject();
            body["totalBand"] = bands.BandOf(scorecard.Total);
            body["totalBands"] = JsonSerializer.SerializeToNode(bands, json.Value.SerializerOptions);
            return Results.Json(body, json.Value.SerializerOptions);
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

        app.MapGet("/api/teams/{id}/board", (string id, string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
            TeamBoardAsync(id, window, limit, grains, directory, time, bands));
        app.MapGet("/api/floor/board", (string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
            FloorBoardAsync(window, limit, grains, directory, targets, time, bands));
        app.MapKpiTrends();
    }

    private static async Task<IResult> TeamBoardAsync(string id, string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, TimeProvider time, TotalScoreBands bands)
    {
        if (!TryWindow(window, out var w, out var problem) || !TryLimit(limit, out var top, out problem)) return problem;
        var team = grains.GetGrain<ITeamGrain>(id);
        if (await team.GetKpisAsync(w) is not { } kpis)
            return Problems.Status(StatusCodes.Status404NotFound, "Team not found", $"No event of team '{id}' has been received.");
        var agents = await AgentsAsync(grains, await team.GetAgentIdsAsync(), w, bands, teamId => teamId == id);
        return Results.Ok(new TeamBoard(id, w.ToWireName(), time.GetUtcNow(), KpisResource.Of(kpis), agents, await OpenComplaintsAsync(grains, directory, id, top), bands));
    }

    private static async Task<IResult> FloorBoardAsync(string? window, int? limit, IGrainFactory grains, OpenComplaintDirectory directory, KpiTargets targets, TimeProvider time, TotalScoreBands bands)
    {
        if (!TryWindow(window, out var w, out var problem) || !TryLimit(limit, out var top, out problem)) return problem;
        var now = time.GetUtcNow();
        var teamIds = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
        var snapshots = (await Task.WhenAll(teamIds.Select(t => grains.GetGrain<ITeamGrain>(t).GetSnapshotAsync()))).OfType<TeamSnapshot>().ToList();
        var teams = snapshots.Select(s => KpisResource.Of(TeamKpis.Compute(s.Activity, w, now, targets, directory.CountsOf(s.TeamId)))).ToList();
        var floor = KpisResource.Of(TeamKpis.Compute(TeamActivity.Merge("floor", snapshots.Select(s => s.Activity)), w, now, targets, directory.FloorCounts()));
        // An agent seen in several teams is listed once, under the team its own events name now.
        var known = snapshots.Select(s => s.TeamId).ToHashSet(StringComparer.Ordinal);
        var agentIds = snapshots.SelectMany(s => s.AgentIds).Distinct(StringComparer.Ordinal).ToList();
        var agents = await AgentsAsync(grains, agentIds, w, bands, teamId => teamId is not null && known.Contains(teamId));
        return Results.Ok(new FloorBoard(w.ToWireName(), now, floor, teams, await OpenComplaintsAsync(grains, directory, null, top), agents, bands));
    }

    /// <summary>The scores over <paramref name="window"/> of those agents whose current team passes <paramref name="inScope"/>, best first.</summary>
    private static async Task<List<BoardAgent>> AgentsAsync(IGrainFactory grains, IReadOnlyList<string> agentIds, ScorecardWindow window, TotalScoreBands bands, Func<string?, bool> inScope)
    {
        var cards = await Task.WhenAll(agentIds.Select(a => grains.GetGrain<IAgentGrain>(a).GetScorecardAsync(window)));
        return cards.Where(c => c is not null && inScope(c.TeamId)).Select(c => BoardAgent.From(c!, bands))
            .OrderByDescending(a => a.Total ?? double.MinValue).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();
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
