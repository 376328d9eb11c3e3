using System.Text;
using Realtime.Domain.Calendars;
using Realtime.Domain.Kpis;
using Realtime.Testing;

namespace Realtime.Reports.Tests;

/// <summary>Team KPI series per day/week/month as workbook and CSV.</summary>
public class KpiSeriesReportTests
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 4, 15, 0, 0, Shanghai); // a Wednesday

    private static PeriodKpis Series(KpiPeriod period, int count)
    {
        var activity = new TeamActivity("T1", CompanyCalendar.Default);
        // Monday 2 Nov: two resolutions, one of them within 48 h; a survey of 84; services, one resolved at first contact.
        var monday = new DateTimeOffset(2026, 11, 2, 10, 0, 0, Shanghai);
        activity.ComplaintOpened("claims", "CU1", monday);
        activity.ComplaintResolved(monday.AddHours(1), within48h: true, within7d: true);
        activity.ComplaintResolved(monday.AddHours(2), within48h: false, within7d: true);
        activity.SurveySubmitted(84, monday);
        activity.ServiceHandled(monday, firstContactResolved: true);
        activity.ServiceHandled(monday, firstContactResolved: false);
        return PeriodKpis.Compute(activity, period, count, Now, new KpiTargets());
    }

    [Fact]
    public void A_weekly_series_has_one_row_per_week_from_Monday_with_dates_percent_and_no_data_left_empty()
    {
        var sheet = OpenPyxl.Read(KpiSeriesReport.Xlsx([Series(KpiPeriod.Week, 2)])).Single();
        Assert.Equal("每周KPI Weekly", sheet.Title);
        Assert.Equal("C3", sheet.FrozenAt);
        Assert.Equal(["团队", "开始日期", "结束日期", "投诉受理数"], sheet.Rows[0].Take(4).Select(c => c.Text));
        Assert.Equal(["Team", "From", "To", "Complaints opened"], sheet.Rows[1].Take(4).Select(c => c.Text));
        var lastWeek = sheet.Rows[2];
        var thisWeek = sheet.Rows[3];
        Assert.Equal("2026-10-26T00:00:00", lastWeek[1].Text);
        Assert.Equal("yyyy-mm-dd", lastWeek[1].NumberFormat);
        Assert.Equal("2026-11-02T00:00:00", thisWeek[1].Text);
        Assert.Equal("2026-11-04T00:00:00", thisWeek[2].Text);
        Assert.Equal(0, lastWeek[sheet.Column("投诉受理数")].Number);
        Assert.Equal("", lastWeek[sheet.Column("48小时投诉处理率")].Text);
        var within48h = thisWeek[sheet.Column("48小时投诉处理率")];
        Assert.Equal(0.5, within48h.Number);
        Assert.Equal("0.0%", within48h.NumberFormat);
        var satisfaction = thisWeek[sheet.Column("平均满意度(10分制)")];
        Assert.Equal(8.4, satisfaction.Number!.Value, 10);
        Assert.Equal("0.0", satisfaction.NumberFormat);
    }

    [Fact]
    public void A_monthly_series_runs_from_the_first_of_each_month_to_today()
    {
        var series = Series(KpiPeriod.Month, 2);
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)], series.Entries.Select(e => e.First));
        Assert.Equal([new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 4)], series.Entries.Select(e => e.Last));
        Assert.Equal(1, series.Entries[1].ComplaintsOpened);
    }

    [Fact]
    public void The_CSV_has_bilingual_headers_a_BOM_and_percents_as_the_API_gives_them()
    {
        var bytes = KpiSeriesReport.Csv([Series(KpiPeriod.Day, 3)]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.StartsWith("团队 / Team,开始日期 / From,结束日期 / To,投诉受理数 / Complaints opened", lines[0], StringComparison.Ordinal);
        Assert.Equal("T1,2026-11-02,2026-11-02,1,2,0,2,50,100,,8.4,50,", lines[1]);
        Assert.Equal("T1,2026-11-04,2026-11-04,0,0,0,0,,,,,,", lines[3]);
    }

    [Fact]
    public void File_names_say_scope_period_and_date()
    {
        Assert.Equal("realtime-kpis-T1-weekly-2026-11-04.xlsx", KpiSeriesReport.FileName("T1", KpiPeriod.Week, new DateOnly(2026, 11, 4), "xlsx"));
    }
}
