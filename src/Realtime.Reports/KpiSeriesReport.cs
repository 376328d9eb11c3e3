using Realtime.Domain.Kpis;

namespace Realtime.Reports;

/// <summary>
/// KPI series (per day, week or month) as one long table, one row per scope and period, so Excel filters and pivots it:
/// scope (team id or <c>floor</c>), period start and end, the counts, then the rates. A period before the history kept
/// has empty counts; a rate without data is an empty cell, never zero.
/// </summary>
public static class KpiSeriesReport
{
    /// <summary>The series' table.</summary>
    public static ReportSheet Sheet(IReadOnlyList<PeriodKpis> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var period = series.Count > 0 ? series[0].Period : KpiPeriod.Day;
        var columns = new List<ReportColumn>
        {
            new("团队", "Team"), new("开始日期", "From", CellFormat.Date), new("结束日期", "To", CellFormat.Date),
            new("投诉受理数", "Complaints opened", CellFormat.Integer), new("投诉办结数", "Complaints resolved", CellFormat.Integer),
            new("超时次数", "Breaches", CellFormat.Integer), new("服务量", "Services handled", CellFormat.Integer),
        };
        foreach (var name in RateNames)
        {
            var (zh, en, format) = Labels.Kpi(name);
            columns.Add(new ReportColumn(zh, en, format));
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in series)
        {
            foreach (var e in s.Entries)
            {
                rows.Add([
                    s.TeamId, e.First, e.Last, e.ComplaintsOpened, e.ComplaintsResolved, e.Breaches, e.ServicesHandled,
                    e.ResolvedWithin48hRate.Value, e.QuickResolution7dRate.Value, e.AverageFirstResponseSeconds.Value,
                    e.SatisfactionAverage10.Value, e.FirstContactResolutionRate.Value, e.FollowupRecordCompliance.Value,
                ]);
            }
        }

        return new ReportSheet(SheetName(period), columns, rows, FrozenColumns: 2);
    }

    /// <summary>The .xlsx bytes of <paramref name="series"/>.</summary>
    public static byte[] Xlsx(IReadOnlyList<PeriodKpis> series) => XlsxWriter.Write([Sheet(series)]);

    /// <summary>The CSV bytes of <paramref name="series"/>.</summary>
    public static byte[] Csv(IReadOnlyList<PeriodKpis> series) => CsvWriter.Write(Sheet(series));

    /// <summary>The download name, e.g. <c>realtime-kpis-T1-weekly-2026-11-02.xlsx</c> (scope, period, the server's local date).</summary>
    public static string FileName(string scope, KpiPeriod period, DateOnly today, string extension) =>
        $"{BaseName(scope, period, today)}.{extension}";

    /// <summary>The download name without extension, e.g. <c>realtime-kpis-floor-daily-2026-11-02</c>.</summary>
    public static string BaseName(string scope, KpiPeriod period, DateOnly today) =>
        $"realtime-kpis-{scope}-{Adverb(period)}-{today:yyyy-MM-dd}";

    /// <summary>The period's word in routes and file names: <c>daily</c>, <c>weekly</c>, <c>monthly</c>.</summary>
    public static string Adverb(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "daily",
        KpiPeriod.Week => "weekly",
        _ => "monthly",
    };

    private static readonly string[] RateNames =
    [
        "resolvedWithin48hRate", "quickResolution7dRate", "averageFirstResponseSeconds", "satisfactionAverage10",
        "firstContactResolutionRate", "followupRecordCompliance",
    ];

    private static string SheetName(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "每日KPI Daily",
        KpiPeriod.Week => "每周KPI Weekly",
        _ => "每月KPI Monthly",
    };
}
