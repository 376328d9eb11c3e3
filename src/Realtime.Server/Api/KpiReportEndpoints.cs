using Realtime.Domain.Kpis;
using Realtime.Grains;
using Realtime.Grains.Teams;
using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>
/// KPI series per week and month (<c>GET /api/teams/{id}/kpis/weekly|monthly</c>, <c>GET /api/floor/kpis/weekly|monthly</c>)
/// and the <c>?format=csv|xlsx</c> downloads of every KPI series, the daily ones included (see <see cref="WithSeriesExports"/>).
/// </summary>
public static class KpiReportEndpoints
{
    /// <summary>Weeks in a weekly series unless <c>?weeks=</c> says otherwise (a quarter).</summary>
    public const int DefaultWeeks = 13;

    /// <summary>Months in a monthly series unless <c>?months=</c> says otherwise (a quarter).</summary>
    public const int DefaultMonths = 3;

    /// <summary>Maps the weekly and monthly series.</summary>
    public static void MapKpiReports(this IEndpointRouteBuilder app)
    {
        foreach (var (period, parameter, fallback) in new[] { (KpiPeriod.Week, "weeks", DefaultWeeks), (KpiPeriod.Month, "months", DefaultMonths) })
        {
            var word = KpiSeriesReport.Adverb(period);
            app.MapGet($"/api/teams/{{id}}/kpis/{word}", (string id, HttpContext http, IGrainFactory grains, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
                SeriesAsync(id, period, parameter, fallback, http, grains, targets, time));
            app.MapGet($"/api/floor/kpis/{word}", (HttpContext http, IGrainFactory grains, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
                SeriesAsync(null, period, parameter, fallback, http, grains, targets, time));
        }
    }

    /// <summary>
    /// Adds <c>?format=csv|xlsx</c> to a daily series route: without it (or with <c>json</c>) the route answers as before;
    /// with it the same series (same <c>?days=</c>) comes as a download.
    /// </summary>
    public static RouteHandlerBuilder WithSeriesExports(this RouteHandlerBuilder route) => route.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        if (!ReportFormats.TryParse(http.Request.Query["format"], out var format, out var problem)) return problem;
        if (format == ReportFormat.Json) return await next(context);
        var services = http.RequestServices;
        return await SeriesAsync(
            http.GetRouteValue("id") as string, KpiPeriod.Day, "days", KpiTrendEndpoints.DefaultDays, http,
            services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<KpiTargets>(), services.GetRequiredKeyedService<TimeProvider>(FloorClock.Key));
    });

    private static async Task<IResult> SeriesAsync(string? teamId, KpiPeriod period, string parameter, int fallback, HttpContext http, IGrainFactory grains, KpiTargets targets, TimeProvider time)
    {
        if (!ReportFormats.TryParse(http.Request.Query["format"], out var format, out var problem)) return problem;
        if (!PeriodCount.TryParse(http.Request.Query[parameter], parameter, fallback, PeriodKpis.MaxCount(period), out var count, out problem)) return problem;
        if (await ActivitiesAsync(grains, teamId) is not { } activities)
            return Problems.Status(StatusCodes.Status404NotFound, "Team not found", $"No event of team '{teamId}' has been received.");
        var now = time.GetUtcNow();
        var series = activities.Select(a => PeriodKpis.Compute(a, period, count, now, targets)).ToList();
        if (format != ReportFormat.Json)
        {
            var today = activities[0].Calendar.DateOf(now);
            return ReportFormats.File(format, [KpiSeriesReport.Sheet(series)], KpiSeriesReport.BaseName(teamId ?? "floor", period, today));
        }

        return teamId is null
            ? Results.Ok(new FloorPeriodKpis(now, PeriodKpisResource.Of(series[0]), series.Skip(1).Select(PeriodKpisResource.Of).ToList()))
            : Results.Ok(PeriodKpisResource.Of(series[0]));
    }

    /// <summary>The team's activity, or for the floor (<paramref name="teamId"/> null) the merged floor then every team; null for an unknown team.</summary>
    internal static async Task<List<TeamActivity>?> ActivitiesAsync(IGrainFactory grains, string? teamId)
    {
        if (teamId is not null) return await grains.GetGrain<ITeamGrain>(teamId).GetSnapshotAsync() is { } one ? [one.Activity] : null;
        var teamIds = await grains.GetGrain<IFloorGrain>(IFloorGrain.Key).GetTeamIdsAsync();
        var snapshots = (await Task.WhenAll(teamIds.Select(t => grains.GetGrain<ITeamGrain>(t).GetSnapshotAsync()))).OfType<TeamSnapshot>().ToList();
        return [TeamActivity.Merge("floor", snapshots.Select(s => s.Activity)), .. snapshots.Select(s => s.Activity)];
    }
}
