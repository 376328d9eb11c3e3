using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;

namespace Realtime.Domain.Tests.Kpis;

/// <summary>KPI series per day, ISO week and calendar month, in the company zone.</summary>
public class PeriodKpisTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static TeamActivity Activity()
    {
        var activity = new TeamActivity("T1", CompanyCalendar.Default);
        // Sunday 1 Nov 23:30 local (15:30 UTC) belongs to the week of 26 Oct; Monday 2 Nov 00:30 local to the next one.
        activity.ComplaintResolved(new DateTimeOffset(2026, 11, 1, 23, 30, 0, Shanghai), within48h: true, within7d: true);
        activity.ComplaintResolved(new DateTimeOffset(2026, 11, 2, 0, 30, 0, Shanghai), within48h: false, within7d: true);
        activity.ComplaintResolved(new DateTimeOffset(2026, 11, 3, 12, 0, 0, Shanghai), within48h: true, within7d: true);
        return activity;
    }

    [Fact]
    public void Weeks_run_Monday_to_Sunday_in_company_time_and_the_current_one_ends_today()
    {
        var now = new DateTimeOffset(2026, 11, 4, 9, 0, 0, Shanghai);
        var series = PeriodKpis.Compute(Activity(), KpiPeriod.Week, 2, now, new KpiTargets());
        Assert.Equal([(new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 1)), (new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4))], series.Entries.Select(e => (e.First, e.Last)));
        Assert.Equal([1, 2], series.Entries.Select(e => e.ComplaintsResolved));
        Assert.Equal(100, series.Entries[0].ResolvedWithin48hRate.Value);
        Assert.Equal(50, series.Entries[1].ResolvedWithin48hRate.Value);
    }

    [Fact]
    public void A_one_day_period_equals_the_daily_series()
    {
        var now = new DateTimeOffset(2026, 11, 4, 9, 0, 0, Shanghai);
        var days = PeriodKpis.Compute(Activity(), KpiPeriod.Day, 5, now, new KpiTargets());
        var daily = DailyKpis.Compute(Activity(), 5, now, new KpiTargets());
        Assert.Equal(daily.Days.Select(d => (d.Date, d.ComplaintsResolved, d.ResolvedWithin48hRate.Value)), days.Entries.Select(e => (e.First, e.ComplaintsResolved, e.ResolvedWithin48hRate.Value)));
    }

    [Fact]
    public void Months_start_on_the_first_and_a_longer_series_than_the_history_kept_is_refused()
    {
        var now = new DateTimeOffset(2026, 11, 4, 9, 0, 0, Shanghai);
        var series = PeriodKpis.Compute(Activity(), KpiPeriod.Month, 3, now, new KpiTargets());
        Assert.Equal([new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], series.Entries.Select(e => e.First));
        Assert.Equal(new DateOnly(2026, 9, 30), series.Entries[0].Last);
        Assert.Null(series.Entries[0].ResolvedWithin48hRate.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => PeriodKpis.Compute(Activity(), KpiPeriod.Month, PeriodKpis.MaxCount(KpiPeriod.Month) + 1, now, new KpiTargets()));
    }
}
