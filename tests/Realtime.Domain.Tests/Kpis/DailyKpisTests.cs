using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Domain.Scorecards;

namespace Realtime.Domain.Tests.Kpis;

public class DailyKpisTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, China);

    [Fact]
    public void Each_day_has_its_own_rates_and_days_without_activity_have_no_data_not_zero()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        team.ComplaintOpened("claims", null, At(11, 1, 9));
        team.ComplaintResolved(At(11, 1, 15), within48h: true, within7d: true);
        team.SurveySubmitted(90, At(11, 1, 16));
        // Nothing on 11-02; 11-03 has a late resolution and a low survey.
        team.ComplaintOpened("claims", null, At(10, 31, 9));
        team.ComplaintResolved(At(11, 3, 10), within48h: false, within7d: true);
        team.SurveySubmitted(70, At(11, 3, 11));
        team.ServiceHandled(At(11, 3, 12), firstContactResolved: true);
        team.ServiceHandled(At(11, 3, 13), firstContactResolved: false);

        var series = DailyKpis.Compute(team, 4, At(11, 3, 18), new KpiTargets());

        Assert.Equal(("t1", new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 3)), (series.TeamId, series.From, series.To));
        Assert.Equal([new DateOnly(2026, 10, 31), new(2026, 11, 1), new(2026, 11, 2), new(2026, 11, 3)], series.Days.Select(d => d.Date));
        var (oct31, nov1, nov2, nov3) = (series.Days[0], series.Days[1], series.Days[2], series.Days[3]);
        Assert.Equal((1, 0), (oct31.ComplaintsOpened, oct31.ComplaintsResolved));
        Assert.Null(oct31.ResolvedWithin48hRate.Value);
        Assert.Equal(new Kpi(100, 95), nov1.ResolvedWithin48hRate);
        Assert.Equal(new Kpi(9, 8), nov1.SatisfactionAverage10);
        Assert.Equal((0, 0, 0), (nov2.ComplaintsOpened, nov2.ComplaintsResolved, nov2.ServicesHandled));
        Assert.Null(nov2.SatisfactionAverage10.Value);
        Assert.Null(nov2.SatisfactionAverage10.Met);
        Assert.Equal(new Kpi(0, 95), nov3.ResolvedWithin48hRate);
        Assert.False(nov3.ResolvedWithin48hRate.Met);
        Assert.Equal(100, nov3.QuickResolution7dRate.Value);
        Assert.Equal(new Kpi(7, 8), nov3.SatisfactionAverage10);
        Assert.Equal(50, nov3.FirstContactResolutionRate.Value);
        Assert.All(series.Days, d => Assert.True(d.Retained));
    }

    [Fact]
    public void The_newest_day_equals_the_today_window_kpis()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        team.ComplaintOpened(null, null, At(11, 2, 9));
        team.FirstResponse(TimeSpan.FromSeconds(100), At(11, 2, 9, 2));
        team.FirstResponse(TimeSpan.FromSeconds(50), At(11, 2, 9, 5));
        team.ComplaintResolved(At(11, 2, 10), within48h: true, within7d: true);
        team.SurveySubmitted(84, At(11, 2, 11));
        team.SurveySubmitted(77, At(11, 2, 12));
        team.FollowupCompleted("cust", At(11, 1, 9), At(11, 2, 12));
        team.ServiceHandled(At(11, 2, 13), firstContactResolved: true);
        var now = At(11, 2, 20);
        var targets = new KpiTargets { AverageFirstResponseSeconds = 60 };

        var today = TeamKpis.Compute(team, ScorecardWindow.Today, now, targets, default);
        var last = DailyKpis.Compute(team, 7, now, targets).Days[^1];

        Assert.Equal(today.To, last.Date);
        Assert.Equal(today.ComplaintsOpened, last.ComplaintsOpened);
        Assert.Equal(today.ComplaintsResolved, last.ComplaintsResolved);
        Assert.Equal(today.ResolvedWithin48hRate, last.ResolvedWithin48hRate);
        Assert.Equal(today.QuickResolution7dRate, last.QuickResolution7dRate);
        Assert.Equal(today.AverageFirstResponseSeconds, last.AverageFirstResponseSeconds);
        Assert.Equal(new Kpi(75, 60, KpiGoal.AtMost), last.AverageFirstResponseSeconds);
        Assert.Equal(today.SatisfactionAverage10, last.SatisfactionAverage10);
        Assert.Equal(today.FirstContactResolutionRate, last.FirstContactResolutionRate);
        Assert.Equal(today.FollowupRecordCompliance, last.FollowupRecordCompliance);
    }

    [Fact]
    public void Days_are_local_dates_of_the_company_zone()
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        // 23:30 UTC on 11-01 is 07:30 on 11-02 in Shanghai.
        team.ServiceHandled(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero), firstContactResolved: true);

        var series = DailyKpis.Compute(team, 2, At(11, 2, 12), new KpiTargets());

        Assert.Equal([0, 1], series.Days.Select(d => d.ServicesHandled));
    }

    [Fact]
    public void Dates_before_the_kept_history_are_unknown_and_the_floor_series_sums_its_teams()
    {
        var t1 = new TeamActivity("t1", CompanyCalendar.Default);
        var t2 = new TeamActivity("t2", CompanyCalendar.Default);
        t1.SurveySubmitted(100, At(11, 2, 9));
        t2.SurveySubmitted(60, At(11, 2, 10));
        t2.SurveySubmitted(80, At(11, 2, 11));
        // A prune in January keeps the previous quarter (from 10-01) only.
        t1.Prune(At(1, 5, 0).AddYears(1));
        var floor = TeamActivity.Merge("floor", [t1, t2]);

        var series = DailyKpis.Compute(floor, 2, At(11, 2, 12), new KpiTargets());
        Assert.Equal(new Kpi(8, 8), series.Days[^1].SatisfactionAverage10);

        var early = DailyKpis.Compute(t1, 3, At(10, 2, 12), new KpiTargets());
        Assert.Equal([false, true, true], early.Days.Select(d => d.Retained));
        Assert.Null(early.Days[0].ComplaintsOpened);
        Assert.Equal(0, early.Days[1].ComplaintsOpened);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public void Days_outside_1_to_90_are_refused(int days)
    {
        var team = new TeamActivity("t1", CompanyCalendar.Default);
        Assert.Throws<ArgumentOutOfRangeException>(() => DailyKpis.Compute(team, days, At(11, 2, 12), new KpiTargets()));
    }

    [Fact]
    public void The_floor_refresh_interval_is_validated_with_its_key()
    {
        Assert.Empty(new KpiTargets().Validate());
        var error = Assert.Single(new KpiTargets { FloorRefreshInterval = TimeSpan.Zero }.Validate());
        Assert.StartsWith("Kpis:FloorRefreshInterval", error, StringComparison.Ordinal);
    }
}
