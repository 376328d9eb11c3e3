using Realtime.Domain.Kpis;

namespace Realtime.Reports;

/// <summary>
/// Breakdowns of a range of days, the department first and then one column per team, so a manager charts them in Excel
/// as they are: breaches per local hour of the day, and complaints opened per category (投诉类型分析).
/// </summary>
public static class FloorBreakdownReport
{
    /// <summary>One row per local hour (00:00–01:00 … 23:00–24:00): breaches of the department and of each team.</summary>
    public static ReportSheet BreachesByHour(IReadOnlyList<ScopeTotals> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var columns = new List<ReportColumn> { new("时段", "Hour of day"), new("小时", "Hour", CellFormat.Integer) };
        columns.AddRange(scopes.Select(s => ScopeColumn(s.Scope)));
        var rows = Enumerable.Range(0, 24)
            .Select(hour =>
            {
                var cells = new List<object?> { $"{hour:00}:00–{hour + 1:00}:00", hour };
                cells.AddRange(scopes.Select(s => (object?)s.Totals.BreachesByHour[hour]));
                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        return new ReportSheet("按小时超时 Breaches by hour", columns, rows, FrozenColumns: 1);
    }

    /// <summary>One row per complaint category, most frequent in the department first: complaints opened per scope.</summary>
    public static ReportSheet ComplaintsByCategory(IReadOnlyList<ScopeTotals> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var columns = new List<ReportColumn> { new("投诉类别", "Category"), new("类别代码", "Category id") };
        columns.AddRange(scopes.Select(s => ScopeColumn(s.Scope)));
        var first = scopes.Count > 0 ? scopes[0].Totals.OpenedByCategory : new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rows = Categories(scopes.Select(s => s.Totals))
            .OrderByDescending(c => first.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c =>
            {
                var cells = new List<object?> { Labels.Category(c), c };
                cells.AddRange(scopes.Select(s => (object?)s.Totals.OpenedByCategory.GetValueOrDefault(c)));
                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        return new ReportSheet("投诉类别 Categories", columns, rows, FrozenColumns: 1);
    }

    private static IEnumerable<string> Categories(IEnumerable<TeamDay> days) =>
        days.SelectMany(d => d.OpenedByCategory.Keys).Distinct(StringComparer.Ordinal);

    private static ReportColumn ScopeColumn(string scope) =>
        scope == "floor" ? new ReportColumn("全部门", "Department", CellFormat.Integer) : new ReportColumn(scope, scope, CellFormat.Integer);
}
