using Realtime.Domain.Kpis;

namespace Realtime.Reports;

/// <summary>
/// Satisfaction trend by period (满意度趋势): one row per day, week or month, the department's average satisfaction (1–10)
/// and each team's beside it; an empty cell is a period without surveys, never zero.
/// </summary>
public static class SatisfactionTrendReport
{
    /// <summary>The trend of <paramref name="series"/>: the department's series first, then every team's, all of one period.</summary>
    public static ReportSheet Sheet(IReadOnlyList<PeriodKpis> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var columns = new List<ReportColumn> { new("开始日期", "From", CellFormat.Date), new("结束日期", "To", CellFormat.Date) };
        columns.AddRange(series.Select(s => s.TeamId == "floor"
            ? new ReportColumn("全部门满意度(10分制)", "Department satisfaction (1-10)", CellFormat.OneDecimal)
            : new ReportColumn($"{s.TeamId} 满意度(10分制)", $"{s.TeamId} satisfaction (1-10)", CellFormat.OneDecimal)));
        var entries = series.Count > 0 ? series[0].Entries : [];
        var rows = entries
            .Select((entry, i) =>
            {
                var cells = new List<object?> { entry.First, entry.Last };
                cells.AddRange(series.Select(s => (object?)(i < s.Entries.Count ? s.Entries[i].SatisfactionAverage10.Value : null)));
                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        var period = series.Count > 0 ? series[0].Period : KpiPeriod.Day;
        return new ReportSheet(SheetName(period), columns, rows, FrozenColumns: 2);
    }

    private static string SheetName(KpiPeriod period) => period switch
    {
        KpiPeriod.Day => "每日满意度 Daily satisfaction",
        KpiPeriod.Week => "每周满意度 Weekly satisfaction",
        _ => "每月满意度 Monthly satisfaction",
    };
}
