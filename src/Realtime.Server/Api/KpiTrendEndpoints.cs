using Realtime.Domain.Kpis;
using Realtime.Grains;
using Realtime.Grains.Teams;

namespace Realtime.Server.Api;

/// <summary>KPI trends as daily series: <c>GET /api/teams/{id}/kpis/daily</c> and <c>GET /api/floor/kpis/daily</c>.</summary>
public static class KpiTrendEndpoints
{
    /// <summary>Days in a series unless <c>?days=</c> says otherwise.</summary>
    public const int DefaultDays = 14;

    /// <summary>Maps the trend endpoints.</summary>
    public static void MapKpiTrends(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/teams/{id}/kpis/daily", async (string id, int? days, IGrainFactory grains, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
        {
            if (!TryDays(days, out var n, out var problem)) return problem;
            return await grains.GetGrain<ITeamGrain>(id).GetSnapshotAsync() is { } snapshot
                ? Results.Ok(DailyKpisResource.Of(DailyKpis.Compute(snapshot.Activity, n, time.GetUtcNow(), targets)))
                : Problems.Status(StatusCodes.Status404NotFound, "Team not found", $"No event of team '{id}' has been received.");
        }).WithSeriesExports();

        app.MapGet("/api/floor/kpis/daily", async (int? days, IGrainFactory grains, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
        {
            if (!TryDays(days, out var n, out var problem)) return problem;
            var now = time.GetUtcNow();
            var teamIds = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
            var snapshots = (await Task.WhenAll(teamIds.Select(t => grains.GetGrain<ITeamGrain>(t).GetSnapshotAsync()))).OfType<TeamSnapshot>().ToList();
            var floor = DailyKpis.Compute(TeamActivity.Merge("floor", snapshots.Select(s => s.Activity)), n, now, targets);
            var teams = snapshots.Select(s => DailyKpisResource.Of(DailyKpis.Compute(s.Activity, n, now, targets))).ToList();
            return Results.Ok(new FloorDailyKpis(now, DailyKpisResource.Of(floor), teams));
        }).WithSeriesExports();
        app.MapKpiReports();
        app.MapBreakdowns();
    }

    private static bool TryDays(int? days, out int n, out IResult problem)
    {
        problem = null!;
        n = days ?? DefaultDays;
        if (n is >= 1 and <= DailyKpis.MaxDays) return true;
        problem = Problems.BadParameter("days", $"must be from 1 to {DailyKpis.MaxDays}");
        return false;
    }
}
