using System.Globalization;
using Microsoft.Extensions.Options;
using Realtime.Domain.BreachCauses;
using Realtime.Domain.Calendars;
using Realtime.Domain.Scorecards;
using Realtime.Grains;
using Realtime.Grains.BreachCauses;
using Realtime.Reports;

namespace Realtime.Server.Api;

/// <summary>Why breaches happened: the configured reasons and the explained breaches per reason, team and agent over any window.</summary>
public static class BreachCauseEndpoints
{
    /// <summary>Longest range of <c>from</c>/<c>to</c>: the days a ledger keeps.</summary>
    public const int MaxDays = BreachCauseLedger.KeptDays;

    /// <summary>Maps <c>/api/breach-causes/reasons</c>, <c>/api/floor/breach-causes</c> and <c>/api/teams/{id}/breach-causes</c>.</summary>
    public static void MapBreachCauses(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/breach-causes/reasons", (IOptions<BreachCauseOptions> options) => Results.Ok(new { reasons = options.Value.EffectiveReasons }));
        app.MapGet("/api/floor/breach-causes", (string? window, string? from, string? to, string? format, IGrainFactory grains, CompanyCalendar calendar, IOptions<BreachCauseOptions> options, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
            SummaryAsync(null, window, from, to, format, grains, calendar, options.Value, time));
        app.MapGet("/api/teams/{id}/breach-causes", (string id, string? window, string? from, string? to, string? format, IGrainFactory grains, CompanyCalendar calendar, IOptions<BreachCauseOptions> options, [FromKeyedServices(FloorClock.Key)] TimeProvider time) =>
            SummaryAsync(id, window, from, to, format, grains, calendar, options.Value, time));
    }

    /// <summary>
    /// By breach day: <c>window</c> (<c>today</c>, <c>7d</c>, <c>qtd</c>; default today) or <c>from</c>/<c>to</c> (local dates,
    /// inclusive); <c>?format=csv|xlsx</c> downloads the table (causes by team and by individual).
    /// </summary>
    private static async Task<IResult> SummaryAsync(string? teamId, string? window, string? from, string? to, string? format, IGrainFactory grains, CompanyCalendar calendar, BreachCauseOptions options, TimeProvider time)
    {
        if (!ReportFormats.TryParse(format, out var f, out var problem)) return problem;
        LocalDateRange range;
        if (from is not null || to is not null)
        {
            if (window is not null) return Problems.BadParameter("window", "give either window or from/to, not both");
            if (!TryDate(from, out var first)) return Problems.BadParameter("from", "must be a date like 2026-10-01");
            if (!TryDate(to, out var last)) return Problems.BadParameter("to", "must be a date like 2026-10-31");
            if (last < first || last.DayNumber - first.DayNumber >= MaxDays) return Problems.BadParameter("to", $"must be on or after from, at most {MaxDays} days on");
            range = new LocalDateRange(first, last);
        }
        else
        {
            var w = ScorecardWindow.Today;
            if (!string.IsNullOrEmpty(window) && !ScorecardWindows.TryParse(window, out w)) return Problems.BadParameter("window", "must be today, 7d or qtd");
            range = w.DaysAt(time.GetUtcNow(), calendar);
        }
        var summary = await grains.GetGrain<IBreachCauseGrain>(BreachCauseReports.FloorKey).GetAsync(range, teamId);
        if (f != ReportFormat.Json)
        {
            return ReportFormats.File(f, [BreachCauseReport.Sheet(summary, options.EffectiveReasons)],
                $"realtime-breach-causes-{teamId ?? "floor"}-{range.First:yyyy-MM-dd}-{range.Last:yyyy-MM-dd}");
        }

        return Results.Ok(new { teamId = teamId ?? "floor", from = range.First, to = range.Last, summary.Total, summary.Reasons, summary.Teams, summary.Agents });
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
