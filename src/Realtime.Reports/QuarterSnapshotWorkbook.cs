using Realtime.Domain.Quarters;

namespace Realtime.Reports;

/// <summary>
/// A closed quarter as a workbook for managers: 排名 Ranking (agents by floor rank: 绩效公示), 坐席 Agents (every
/// appraisal column of the CSV export), 团队 Teams (the group competition with each team's KPIs), 部门 Department (the
/// department's KPIs against their targets) and 投诉类别 Categories (complaints opened per category, department and teams).
/// The snapshot holds agent and team ids only, never customer data.
/// </summary>
public static class QuarterSnapshotWorkbook
{
    /// <summary>The .xlsx bytes of <paramref name="snapshot"/>.</summary>
    public static byte[] Write(QuarterSnapshot snapshot) => XlsxWriter.Write(Sheets(snapshot));

    /// <summary>The file name of the export of <paramref name="snapshot"/> with <paramref name="extension"/> (e.g. <c>realtime-2026Q3.xlsx</c>).</summary>
    public static string FileName(QuarterSnapshot snapshot, string extension) => $"realtime-{snapshot.Quarter}.{extension}";

    /// <summary>The sheets, in workbook order.</summary>
    public static IReadOnlyList<ReportSheet> Sheets(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [Ranking(snapshot), Agents(snapshot), Teams(snapshot), Department(snapshot), Categories(snapshot)];
    }

    /// <summary>The agent ranking (绩效公示): ranked agents first by floor rank, then the unranked by id.</summary>
    public static ReportSheet Ranking(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ReportColumn[] columns =
        [
            new("全场排名", "Rank on floor", CellFormat.Integer), new("工号", "Agent"), new("团队", "Team"),
            new("最终得分", "Final score", CellFormat.OneDecimal), new("奖金系数", "Bonus coefficient", CellFormat.TwoDecimals),
            new("组内排名", "Rank in team", CellFormat.Integer), new("自评总分", "Self total", CellFormat.OneDecimal),
            new("主管评分总分", "Supervisor total", CellFormat.OneDecimal),
        ];
        var rows = snapshot.Agents
            .OrderBy(a => a.RankOnFloor ?? int.MaxValue).ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<object?>)[a.RankOnFloor, a.AgentId, a.TeamId, a.FinalScore, a.BonusCoefficient, a.RankInTeam, a.SelfTotal, a.SupervisorTotal])
            .ToList();
        return new ReportSheet("排名 Ranking", columns, rows, FrozenColumns: 2);
    }

    /// <summary>Every agent's appraisal, the CSV export's columns in the same order (bands in Chinese).</summary>
    public static ReportSheet Agents(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rubric = snapshot.Config.Rubric;
        var columns = new List<ReportColumn>
        {
            new("工号", "Agent"), new("团队", "Team"), new("自评总分", "Self total", CellFormat.OneDecimal),
            new("主管评分总分", "Supervisor total", CellFormat.OneDecimal), new("最终得分", "Final score", CellFormat.OneDecimal),
            new("奖金系数", "Bonus coefficient", CellFormat.TwoDecimals), new("组内排名", "Rank in team", CellFormat.Integer),
            new("全场排名", "Rank on floor", CellFormat.Integer),
        };
        columns.AddRange(rubric.Dimensions.Select(d => new ReportColumn($"{d.LabelZh}得分", $"{d.LabelEn} score", CellFormat.OneDecimal)));
        foreach (var i in rubric.Indicators)
        {
            columns.Add(new ReportColumn(i.LabelZh, i.LabelEn, Labels.Of(i.Unit)));
            columns.Add(new ReportColumn($"{i.LabelZh}等级", $"{i.LabelEn} band"));
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (var a in snapshot.Agents)
        {
            var cells = new List<object?> { a.AgentId, a.TeamId, a.SelfTotal, a.SupervisorTotal, a.FinalScore, a.BonusCoefficient, a.RankInTeam, a.RankOnFloor };
            cells.AddRange(rubric.Dimensions.Select(d => (object?)a.Dimensions.FirstOrDefault(x => x.Id == d.Id)?.Score));
            foreach (var indicator in rubric.Indicators)
            {
                var frozen = a.Indicators.FirstOrDefault(x => x.Id == indicator.Id);
                cells.Add(frozen?.Value);
                cells.Add(frozen?.Band is { } band ? Labels.Band(band) : null);
            }

            rows.Add(cells);
        }

        return new ReportSheet("坐席 Agents", columns, rows, FrozenColumns: 2);
    }

    /// <summary>The group competition (季度竞赛): teams by rank with their KPIs and whether each met its target.</summary>
    public static ReportSheet Teams(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var names = snapshot.Department.Named().Select(k => k.Name).ToList();
        var columns = new List<ReportColumn>
        {
            new("团队排名", "Team rank", CellFormat.Integer), new("团队", "Team"), new("平均最终得分", "Mean final score", CellFormat.OneDecimal),
            new("投诉受理数", "Complaints opened", CellFormat.Integer), new("投诉办结数", "Complaints resolved", CellFormat.Integer),
            new("服务量", "Services handled", CellFormat.Integer),
        };
        foreach (var name in names)
        {
            var (zh, en, format) = Labels.Kpi(name);
            columns.Add(new ReportColumn(zh, en, format));
            columns.Add(new ReportColumn($"{zh}达标", $"{en} met"));
        }

        var rows = snapshot.Teams
            .OrderBy(t => t.Rank ?? int.MaxValue).ThenBy(t => t.TeamId, StringComparer.Ordinal)
            .Select(t =>
            {
                var cells = new List<object?> { t.Rank, t.TeamId, t.MeanFinalScore, t.Kpis.ComplaintsOpened, t.Kpis.ComplaintsResolved, t.Kpis.ServicesHandled };
                foreach (var (_, kpi) in t.Kpis.Named())
                {
                    cells.Add(kpi.Value);
                    cells.Add(kpi.Met);
                }

                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        return new ReportSheet("团队 Teams", columns, rows, FrozenColumns: 2);
    }

    /// <summary>The department's KPIs, one per row, against their targets.</summary>
    public static ReportSheet Department(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ReportColumn[] columns =
        [
            new("指标", "KPI"), new("指标(英文)", "KPI (English)"), new("数值", "Value"), new("目标", "Target"), new("方向", "Goal"), new("达标", "Met"),
        ];
        var d = snapshot.Department;
        var rows = new List<IReadOnlyList<object?>>
        {
            Count("投诉受理数", "Complaints opened", d.ComplaintsOpened),
            Count("投诉办结数", "Complaints resolved", d.ComplaintsResolved),
            Count("服务量", "Services handled", d.ServicesHandled),
        };
        foreach (var (name, kpi) in d.Named())
        {
            var (zh, en, format) = Labels.Kpi(name);
            rows.Add([zh, en, new FormattedValue(kpi.Value, format), new FormattedValue(kpi.Target, format), Labels.Goal(kpi.Goal), kpi.Met]);
        }

        return new ReportSheet("部门 Department", columns, rows, FrozenColumns: 1);

        static IReadOnlyList<object?> Count(string zh, string en, int value) => [zh, en, new FormattedValue(value, CellFormat.Integer), null, null, null];
    }

    /// <summary>Complaints opened per category: the department, then one column per team.</summary>
    public static ReportSheet Categories(QuarterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var teams = snapshot.Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList();
        var columns = new List<ReportColumn> { new("投诉类别", "Category"), new("类别代码", "Category id"), new("全部门", "Department", CellFormat.Integer) };
        columns.AddRange(teams.Select(t => new ReportColumn(t.TeamId, t.TeamId, CellFormat.Integer)));
        var categories = snapshot.Department.ComplaintsByCategory.Keys
            .Concat(teams.SelectMany(t => t.Kpis.ComplaintsByCategory.Keys))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(c => snapshot.Department.ComplaintsByCategory.GetValueOrDefault(c)).ThenBy(c => c, StringComparer.Ordinal);
        var rows = categories
            .Select(c =>
            {
                var cells = new List<object?> { Labels.Category(c), c, snapshot.Department.ComplaintsByCategory.GetValueOrDefault(c) };
                cells.AddRange(teams.Select(t => (object?)t.Kpis.ComplaintsByCategory.GetValueOrDefault(c)));
                return (IReadOnlyList<object?>)cells;
            })
            .ToList();
        return new ReportSheet("投诉类别 Categories", columns, rows, FrozenColumns: 1);
    }
}
