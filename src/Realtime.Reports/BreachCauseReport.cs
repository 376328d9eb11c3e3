using Realtime.Domain.BreachCauses;

namespace Realtime.Reports;

/// <summary>
/// Complaint causes by team and by individual (投诉原因分析): the explained breaches of a range, one row per team then one per
/// agent (the 层级 column tells them apart, so one filter shows either), one column per configured reason.
/// </summary>
public static class BreachCauseReport
{
    /// <summary>The table of <paramref name="summary"/> with a column per reason of <paramref name="reasons"/>, in their order.</summary>
    public static ReportSheet Sheet(BreachCauseSummary summary, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(reasons);
        var columns = new List<ReportColumn> { new("层级", "Level"), new("团队", "Team"), new("坐席", "Agent"), new("合计", "Total", CellFormat.Integer) };
        columns.AddRange(reasons.Select(r => new ReportColumn(ReasonName(r), r, CellFormat.Integer)));
        var rows = new List<IReadOnlyList<object?>>();
        rows.AddRange(summary.Teams.Select(t => Row("团队", t.Id, null, t, reasons)));
        rows.AddRange(summary.Agents.Select(a => Row("坐席", a.TeamId, a.Id, a, reasons)));
        return new ReportSheet("超时原因 Breach causes", columns, rows, FrozenColumns: 3);
    }

    /// <summary>A reason code's Chinese name (a configured code the product does not know is printed as given).</summary>
    public static string ReasonName(string code) => code switch
    {
        "customerUnreachable" => "客户联系不上",
        "waitingOnThirdParty" => "等待第三方",
        "awaitingDocuments" => "等待资料",
        "workload" => "工作量过大",
        "systemFault" => "系统故障",
        "handlingError" => "处理失误",
        "other" => "其他",
        _ => code,
    };

    private static IReadOnlyList<object?> Row(string level, string? team, string? agent, BreachCauseCount count, IReadOnlyList<string> reasons)
    {
        var cells = new List<object?> { level, team, agent, count.Total };
        cells.AddRange(reasons.Select(r => (object?)count.Reasons.GetValueOrDefault(r)));
        return cells;
    }
}
