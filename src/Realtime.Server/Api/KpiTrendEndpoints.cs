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

/// <summary><c>GET /api/floor/kpis/daily</c>: the department's daily series and every team's.</summary>
/// <param name="GeneratedAt">The server time the series end at.</param>
/// <param name="Floor">The department (all teams merged; <c>teamId</c> is <c>floor</c>).</param>
/// <param name="Teams">Each team's series, by team id.</param>
public sealed record FloorDailyKpis(DateTimeOffset GeneratedAt, DailyKpisResource Floor, IReadOnlyList<DailyKpisResource> Teams);

/// <summary>A daily KPI series on the wire (see <see cref="DailyKpis"/>).</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="From">The first local date.</param>
/// <param name="To">The last local date (today).</param>
/// <param name="Days">One entry per date, oldest first.</param>
public sealed record DailyKpisResource(string TeamId, DateOnly From, DateOnly To, IReadOnlyList<KpiDayResource> Days)
{
    /// <summary>The wire form of <paramref name="series"/>.</summary>
    public static DailyKpisResource Of(DailyKpis series) => new(series.TeamId, series.From, series.To, series.Days.Select(KpiDayResource.Of).ToList());
}

/// <summary>One date of a daily series on the wire: counts (null before the kept history) and rates as <see cref="KpiResource"/> (value null = no data).</summary>
/// <param name="Date">The local date.</param>
/// <param name="Retained">False when the date is older than the history kept.</param>
/// <param name="ComplaintsOpened">Complaints opened.</param>
/// <param name="ComplaintsResolved">Complaints resolved.</param>
/// <param name="Breaches">Clock breaches.</param>
/// <param name="ServicesHandled">Services handled.</param>
/// <param name="ResolvedWithin48hRate">Percent of resolutions within 48 h.</param>
/// <param name="QuickResolution7dRate">Percent of resolutions within 7 days.</param>
/// <param name="AverageFirstResponseSeconds">Mean first response, seconds.</param>
/// <param name="SatisfactionAverage10">Mean survey score, 1–10.</param>
/// <param name="FirstContactResolutionRate">Percent of services resolved at first contact.</param>
/// <param name="FollowupRecordCompliance">Percent of follow-up records entered within 24 h.</param>
public sealed record KpiDayResource(
    DateOnly Date,
    bool Retained,
    int? ComplaintsOpened,
    int? ComplaintsResolved,
    int? Breaches,
    int? ServicesHandled,
    KpiResource ResolvedWithin48hRate,
    KpiResource QuickResolution7dRate,
    KpiResource AverageFirstResponseSeconds,
    KpiResource SatisfactionAverage10,
    KpiResource FirstContactResolutionRate,
    KpiResource FollowupRecordCompliance)
{
    /// <summary>The wire form of <paramref name="day"/>.</summary>
    public static KpiDayResource Of(KpiDay day) => new(
        day.Date, day.Retained, day.ComplaintsOpened, day.ComplaintsResolved, day.Breaches, day.ServicesHandled,
        KpiResource.From(day.ResolvedWithin48hRate), KpiResource.From(day.QuickResolution7dRate),
        KpiResource.From(day.AverageFirstResponseSeconds), KpiResource.From(day.SatisfactionAverage10),
        KpiResource.From(day.FirstContactResolutionRate), KpiResource.From(day.FollowupRecordCompliance));
}
