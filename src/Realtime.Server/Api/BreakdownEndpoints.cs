using System.Globalization;
using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Grains;
using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>
/// What the manager view charts and exports beside the KPI series: breaches per local hour of the day and complaints per
/// category over the last days (<c>/api/{floor|teams/{id}}/breaches/by-hour</c>, <c>…/complaints/by-category</c>), and the
/// satisfaction trend by period (<c>/api/floor/satisfaction/daily|weekly|monthly</c>); each with <c>?format=csv|xlsx</c>.
/// </summary>
public static class BreakdownEndpoints
{
    /// <summary>Days of a breakdown unless <c>?days=</c> says otherwise: the 90 days the charts show.</summary>
    public const int DefaultDays = DailyKpis.MaxDays;

    /// <summary>Maps the breakdown and satisfaction trend routes.</summary>
    public static void MapBreakdowns(this IEndpointRouteBuilder app)
    {
        foreach (var (kind, path) in new[] { (Breakdown.ByHour, "breaches/by-hour"), (Breakdown.ByCategory, "complaints/by-category") })
        {
            app.MapGet($"/api/floor/{path}", (string? days, string? format, IGrainFactory grains, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
                BreakdownAsync(null, kind, days, format, grains, time));
            app.MapGet($"/api/teams/{{id}}/{path}", (string id, string? days, string? format, IGrainFactory grains, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
                BreakdownAsync(id, kind, days, format, grains, time));
        }

        foreach (var (period, parameter, fallback) in new[]
        {
            (KpiPeriod.Day, "days", KpiTrendEndpoints.DefaultDays), (KpiPeriod.Week, "weeks", KpiReportEndpoints.DefaultWeeks),
            (KpiPeriod.Month, "months", KpiReportEndpoints.DefaultMonths),
        })
        {
            app.MapGet($"/api/floor/satisfaction/{KpiSeriesReport.Adverb(period)}", (HttpContext http, IGrainFactory grains, KpiTargets targets, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
                SatisfactionAsync(period, parameter, fallback, http, grains, targets, time));
        }
    }

    private enum Breakdown
    {
        ByHour,
        ByCategory,
    }

    private static async Task<IResult> BreakdownAsync(string? teamId, Breakdown kind, string? days, string? format, IGrainFactory grains, TimeProvider time)
    {
        if (!ReportFormats.TryParse(format, out var f, out var problem)) return problem;
        if (!PeriodCount.TryParse(days, "days", DefaultDays, DailyKpis.MaxDays, out var n, out problem)) return problem;
        if (await KpiReportEndpoints.ActivitiesAsync(grains, teamId) is not { } activities)
            return Problems.Status(StatusCodes.Status404NotFound, "Team not found", $"No event of team '{teamId}' has been received.");
        var today = activities[0].Calendar.DateOf(time.GetUtcNow());
        var range = new LocalDateRange(today.AddDays(1 - n), today);
        var scopes = activities.Select(a => new ScopeTotals(a.TeamId, a.Totals(range))).ToList();
        var scope = teamId ?? "floor";
        if (f != ReportFormat.Json)
        {
            var (sheet, name) = kind == Breakdown.ByHour
                ? (FloorBreakdownReport.BreachesByHour(scopes), "breaches-by-hour")
                : (FloorBreakdownReport.ComplaintsByCategory(scopes), "complaints-by-category");
            return ReportFormats.File(f, [sheet], $"realtime-{name}-{scope}-{Day(today)}");
        }

        var teams = teamId is null ? scopes.Skip(1).ToList() : [];
        return kind == Breakdown.ByHour
            ? Results.Ok(new
            {
                teamId = scope,
                from = range.First,
                to = range.Last,
                total = scopes[0].Totals.BreachesByHour.Sum(),
                hours = scopes[0].Totals.BreachesByHour,
                teams = teams.Select(t => new { teamId = t.Scope, total = t.Totals.BreachesByHour.Sum(), hours = t.Totals.BreachesByHour }),
            })
            : Results.Ok(new
            {
                teamId = scope,
                from = range.First,
                to = range.Last,
                total = scopes[0].Totals.OpenedByCategory.Values.Sum(),
                categories = Categories(scopes[0].Totals),
                teams = teams.Select(t => new { teamId = t.Scope, total = t.Totals.OpenedByCategory.Values.Sum(), categories = Categories(t.Totals) }),
            });
    }

    /// <summary>Categories most frequent first (ties by id), so a chart draws them in that order.</summary>
    private static IEnumerable<object> Categories(TeamDay totals) => totals.OpenedByCategory
        .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
        .Select(c => new { category = c.Key, count = c.Value });

    private static async Task<IResult> SatisfactionAsync(KpiPeriod period, string parameter, int fallback, HttpContext http, IGrainFactory grains, KpiTargets targets, TimeProvider time)
    {
        if (!ReportFormats.TryParse(http.Request.Query["format"], out var format, out var problem)) return problem;
        if (!PeriodCount.TryParse(http.Request.Query[parameter], parameter, fallback, PeriodKpis.MaxCount(period), out var count, out problem)) return problem;
        var activities = (await KpiReportEndpoints.ActivitiesAsync(grains, null))!;
        var now = time.GetUtcNow();
        var series = activities.Select(a => PeriodKpis.Compute(a, period, count, now, targets)).ToList();
        if (format != ReportFormat.Json)
        {
            var today = activities[0].Calendar.DateOf(now);
            return ReportFormats.File(format, [SatisfactionTrendReport.Sheet(series)], $"realtime-satisfaction-{KpiSeriesReport.Adverb(period)}-{Day(today)}");
        }

        return Results.Ok(new
        {
            period = KpiSeriesReport.Adverb(period),
            entries = series[0].Entries.Select((e, i) => new
            {
                from = e.First,
                to = e.Last,
                floor = e.SatisfactionAverage10.Value,
                teams = series.Skip(1).ToDictionary(s => s.TeamId, s => i < s.Entries.Count ? s.Entries[i].SatisfactionAverage10.Value : null),
            }),
        });
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
