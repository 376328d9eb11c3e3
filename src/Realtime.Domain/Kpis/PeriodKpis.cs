using Realtime.Domain.Calendars;

namespace Realtime.Domain.Kpis;

/// <summary>A team's (or the floor's) KPIs per day, week or month, oldest first, ending with the period containing today.</summary>
/// <param name="TeamId">The team, or <c>floor</c>.</param>
/// <param name="Period">The length of each entry.</param>
/// <param name="Entries">One entry per period.</param>
public sealed record PeriodKpis(string TeamId, KpiPeriod Period, IReadOnlyList<KpiPeriodEntry> Entries)
{
    /// <summary>The most entries a series may ask for, per period: the team history keeps about two quarters (<see cref="TeamActivity.MaxRetainedDays"/>).</summary>
    public static int MaxCount(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => DailyKpis.MaxDays,
        KpiPeriod.Week => 26,
        _ => 6,
    };

    /// <summary>The <paramref name="count"/> periods of <paramref name="activity"/> ending with the one containing the date of <paramref name="now"/>.</summary>
    public static PeriodKpis Compute(TeamActivity activity, KpiPeriod period, int count, DateTimeOffset now, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount(period));
        var today = activity.Calendar.DateOf(now);
        var current = StartOf(period, today);
        var entries = new KpiPeriodEntry[count];
        for (var i = 0; i < count; i++)
        {
            var first = Step(period, current, i - count + 1);
            var last = Step(period, first, 1).AddDays(-1);
            if (last > today) last = today;
            var retained = activity.RetainedFrom is not { } kept || first >= kept;
            var t = activity.Totals(new LocalDateRange(first, last));
            entries[i] = new KpiPeriodEntry(
                first,
                last,
                retained,
                retained ? t.ComplaintsOpened : null,
                retained ? t.ComplaintsResolved : null,
                retained ? t.Breaches : null,
                retained ? t.ServicesHandled : null,
                TeamKpis.ResolvedWithin48hKpi(t, targets),
                TeamKpis.QuickResolution7dKpi(t, targets),
                TeamKpis.AverageFirstResponseKpi(t, targets),
                TeamKpis.Satisfaction10Kpi(t, targets),
                TeamKpis.FirstContactResolutionKpi(t, targets),
                TeamKpis.FollowupRecordComplianceKpi(t, targets));
        }

        return new PeriodKpis(activity.TeamId, period, entries);
    }

    /// <summary>The first date of the period containing <paramref name="date"/>.</summary>
    public static DateOnly StartOf(KpiPeriod period, DateOnly date) => period switch
    {
        KpiPeriod.Day => date,
        KpiPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        _ => new DateOnly(date.Year, date.Month, 1),
    };

    private static DateOnly Step(KpiPeriod period, DateOnly start, int periods) => period switch
    {
        KpiPeriod.Day => start.AddDays(periods),
        KpiPeriod.Week => start.AddDays(7 * periods),
        _ => start.AddMonths(periods),
    };
}
