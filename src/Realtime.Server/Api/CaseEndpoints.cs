using Realtime.Domain.Cases;
using Realtime.Domain.Scorecards;
using Realtime.Grains.Cases;

namespace Realtime.Server.Api;

/// <summary>Read endpoints of generic cases (claims, follow-ups …) and their clock KPIs; complaints keep their own routes.</summary>
public static class CaseEndpoints
{
    /// <summary>Default and largest page of <c>GET /api/cases</c>.</summary>
    public const int DefaultLimit = 200, MaxLimit = 2000;

    /// <summary>Maps <c>/api/cases/{id}</c>, <c>/api/cases</c>, <c>/api/teams/{id}/case-kpis</c> and <c>/api/floor/case-kpis</c>.</summary>
    public static void MapCases(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<ICaseGrain>(id).GetAsync() is { } view
                ? Results.Ok(CaseResource.From(view))
                : Problems.Status(StatusCodes.Status404NotFound, "Case not found", $"No event of case '{id}' has been received."));

        app.MapGet("/api/cases", ListAsync);

        app.MapGet("/api/teams/{id}/case-kpis", (string id, string? window, IGrainFactory grains) => KpisAsync(id, CaseKpiKeys.Team(id), window, grains));
        app.MapGet("/api/floor/case-kpis", (string? window, IGrainFactory grains) => KpisAsync("floor", CaseKpiKeys.Floor, window, grains));
    }

    /// <summary>Cases that are not closed (of a type, a team, an owner; only paused ones), breached first, then most urgent.</summary>
    private static async Task<IResult> ListAsync(IGrainFactory grains, Grains.Policies.PolicyCatalog policies, string? type, string? status, string? team, string? agent, int? limit)
    {
        if (status is not (null or "" or "open" or "paused"))
            return Problems.BadParameter("status", "must be 'open' (every case not closed) or 'paused': closed cases are read one by one with GET /api/cases/{id}");
        if (limit is < 1 or > MaxLimit) return Problems.BadParameter("limit", $"must be from 1 to {MaxLimit}");
        // Without a type, every type that has clocks (a type is only known to the server through its clocks).
        var types = string.IsNullOrWhiteSpace(type) ? policies.CurrentCases.CaseTypes : [type];
        var teamId = string.IsNullOrWhiteSpace(team) ? null : team;
        var agentId = string.IsNullOrWhiteSpace(agent) ? null : agent;
        var pages = await Task.WhenAll(types.Select(t => grains.GetGrain<ICaseDirectoryGrain>(t).QueryAsync(teamId, agentId, status == "paused", limit ?? DefaultLimit)));
        var summaries = pages.SelectMany(p => p.Items)
            .OrderByDescending(c => c.Breached).ThenBy(c => c.MostUrgentDueAt ?? DateTimeOffset.MaxValue).ThenBy(c => c.CaseId, StringComparer.Ordinal)
            .Take(limit ?? DefaultLimit);
        var views = await Task.WhenAll(summaries.Select(s => grains.GetGrain<ICaseGrain>(s.CaseId).GetAsync()));
        return Results.Ok(new
        {
            items = views.Where(v => v is not null).Select(v => CaseResource.From(v!)).ToList(),
            total = pages.Sum(p => p.Total),
        });
    }

    private static async Task<IResult> KpisAsync(string teamId, string key, string? window, IGrainFactory grains)
    {
        var w = ScorecardWindow.Today;
        if (!string.IsNullOrEmpty(window) && !ScorecardWindows.TryParse(window, out w))
            return Problems.BadParameter("window", "must be today, 7d or qtd");
        var kpis = await grains.GetGrain<ICaseKpiGrain>(key).GetAsync(w);
        return Results.Ok(new { teamId, window = w.ToWireName(), kpis });
    }
}
