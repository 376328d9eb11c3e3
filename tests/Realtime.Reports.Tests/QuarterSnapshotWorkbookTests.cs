using System.IO.Compression;
using Realtime.Testing;

namespace Realtime.Reports.Tests;

/// <summary>The quarter workbook as a manager's spreadsheet program reads it (openpyxl stands in for Excel).</summary>
public class QuarterSnapshotWorkbookTests
{
    private static readonly IReadOnlyList<XlsxSheet> Sheets = OpenPyxl.Read(QuarterSnapshotWorkbook.Write(SnapshotFixture.Q3()));

    [Fact]
    public void The_workbook_opens_on_the_ranking_then_agents_teams_department_and_categories()
    {
        Assert.Equal(["排名 Ranking", "坐席 Agents", "团队 Teams", "部门 Department", "投诉类别 Categories"], Sheets.Select(s => s.Title));
    }

    [Fact]
    public void Every_sheet_has_a_Chinese_and_an_English_header_row_frozen_with_its_identifying_columns()
    {
        var ranking = Sheets[0];
        Assert.Equal(["全场排名", "工号", "团队", "最终得分", "奖金系数", "组内排名", "自评总分", "主管评分总分"], ranking.Rows[0].Select(c => c.Text));
        Assert.Equal(["Rank on floor", "Agent", "Team", "Final score", "Bonus coefficient", "Rank in team", "Self total", "Supervisor total"], ranking.Rows[1].Select(c => c.Text));
        Assert.Equal("C3", ranking.FrozenAt);
        Assert.Equal("C3", Sheets[1].FrozenAt);
        Assert.Equal("C3", Sheets[2].FrozenAt);
        Assert.Equal("B3", Sheets[3].FrozenAt);
    }

    [Fact]
    public void The_ranking_lists_agents_by_floor_rank_with_scores_to_one_decimal_and_unranked_agents_last()
    {
        var ranking = Sheets[0];
        Assert.Equal(["A3", "A1", "A2", "A4"], ranking.Rows.Skip(2).Select(r => r[1].Text));
        var a1 = ranking.Rows[3];
        Assert.Equal(2, a1[0].Number);
        Assert.Equal(80.4615, a1[3].Number);
        Assert.Equal("0.0", a1[3].NumberFormat);
        Assert.Equal(1.0, a1[4].Number);
        Assert.Equal("0.00", a1[4].NumberFormat);
        Assert.Equal("0", a1[0].NumberFormat);
        var a4 = ranking.Rows[5];
        Assert.Null(a4[0].Number);
        Assert.Null(a4[3].Number);
        Assert.Equal(40, a4[7].Number);
    }

    [Fact]
    public void Agent_indicators_keep_their_units_percent_as_a_percent_and_bands_in_Chinese()
    {
        var agents = Sheets[1];
        var rate = agents.Column("投诉率");
        var a2 = agents.Rows[2];
        Assert.Equal("A2", a2[0].Text);
        Assert.Equal(0.025, a2[rate].Number!.Value, 10);
        Assert.Equal("0.0%", a2[rate].NumberFormat);
        Assert.Equal("优秀", a2[agents.Column("投诉率等级")].Text);
        Assert.Equal(85, a2[agents.Column("满意度评分")].Number);
        Assert.Equal("0", a2[agents.Column("客户表扬")].NumberFormat);
        Assert.Equal("", a2[agents.Column("业务知识考试")].Text);
        Assert.Equal("Complaint rate band", agents.Rows[1][agents.Column("投诉率等级")].Text);
    }

    [Fact]
    public void Teams_are_ranked_with_their_KPIs_and_whether_each_met_its_target()
    {
        var teams = Sheets[2];
        Assert.Equal(["T2", "T1"], teams.Rows.Skip(2).Select(r => r[1].Text));
        var t1 = teams.Rows[3];
        Assert.Equal(0.955, t1[teams.Column("48小时投诉处理率")].Number!.Value, 10);
        Assert.Equal("0.0%", t1[teams.Column("48小时投诉处理率")].NumberFormat);
        Assert.Equal("是", t1[teams.Column("48小时投诉处理率达标")].Text);
        Assert.Equal("", t1[teams.Column("回访覆盖率")].Text);
    }

    [Fact]
    public void The_department_sheet_shows_each_KPI_against_its_target_in_its_own_unit()
    {
        var department = Sheets[3];
        var row = department.Rows.Single(r => r[1].Text == "Resolved within 48 h");
        Assert.Equal("48小时投诉处理率", row[0].Text);
        Assert.Equal(0.9425, row[2].Number!.Value, 10);
        Assert.Equal("0.0%", row[2].NumberFormat);
        Assert.Equal(0.95, row[3].Number!.Value, 10);
        Assert.Equal("否", row[5].Text);
        var response = department.Rows.Single(r => r[1].Text == "Average first response (s)");
        Assert.Equal(75.5, response[2].Number);
        Assert.Equal("0.0", response[2].NumberFormat);
        Assert.Equal("≤", response[4].Text);
    }

    [Fact]
    public void Categories_are_named_in_Chinese_with_department_and_team_counts()
    {
        var categories = Sheets[4];
        var claims = categories.Rows[2];
        Assert.Equal(["理赔", "claims"], claims.Take(2).Select(c => c.Text));
        Assert.Equal(13, claims[2].Number);
        Assert.Equal(10, claims[categories.Column("T1")].Number);
    }

    [Fact]
    public void The_file_is_an_Office_Open_XML_package()
    {
        using var zip = new ZipArchive(new MemoryStream(QuarterSnapshotWorkbook.Write(SnapshotFixture.Q3())));
        Assert.Contains(zip.Entries, e => e.FullName == "xl/workbook.xml");
        Assert.Contains(zip.Entries, e => e.FullName == "xl/styles.xml");
    }
}
