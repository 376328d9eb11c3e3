using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Realtime.Server.Tests.Quarters;
using Realtime.Testing;

namespace Realtime.Server.Tests.Reports;

/// <summary>
/// The manager view's charts and reports as data and downloads (the server clock stands at 2026-11-02 09:00 +08:00):
/// breaches by hour of day, complaints by category, the satisfaction trend, breach causes and the team competition.
/// </summary>
public sealed class ManagerReportApiTests : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, object?> Opened(string id, DateTimeOffset at, string team, string category)
    {
        var opened = Events.Opened(id, at, team: team, agent: team == "T1" ? "A1" : "A2");
        opened["category"] = category;
        return opened;
    }

    private async Task PostAsync(params object[] events) =>
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(events)).StatusCode);

    private static string FileName(HttpResponseMessage response) => response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "";

    private static async Task<string> FieldOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString()!;

    [Fact]
    public async Task Breaches_count_under_their_local_hour_and_complaints_under_their_category_for_the_floor_and_each_team()
    {
        // Unanswered: each first-response clock breaches 2 minutes after opening (14:02 and 08:32 company time).
        var yesterday = new DateTimeOffset(2026, 11, 1, 14, 0, 0, China);
        var today = new DateTimeOffset(2026, 11, 2, 8, 30, 0, China);
        await PostAsync(
            Opened("c-h1", yesterday, "T1", "claims"),
            Opened("c-h2", today, "T1", "serviceAttitude"),
            Opened("c-h3", yesterday.AddMinutes(30), "T2", "claims"),
            Events.Complaint("complaint.responded", "c-h3", yesterday.AddMinutes(30).AddSeconds(40), "A2"));
        var client = _app.CreateClient();

        var hours = await client.GetFromJsonAsync<JsonElement>("/api/floor/breaches/by-hour?days=7");
        Assert.Equal(2, hours.GetProperty("total").GetInt32());
        Assert.Equal(24, hours.GetProperty("hours").GetArrayLength());
        Assert.Equal(1, hours.GetProperty("hours")[14].GetInt32());
        Assert.Equal(1, hours.GetProperty("hours")[8].GetInt32());
        Assert.Equal("2026-10-27", hours.GetProperty("from").GetString());
        Assert.Equal(["T1:2", "T2:0"], hours.GetProperty("teams").EnumerateArray().Select(t => $"{t.GetProperty("teamId").GetString()}:{t.GetProperty("total").GetInt32()}"));
        var todayOnly = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/breaches/by-hour?days=1");
        Assert.Equal(1, todayOnly.GetProperty("total").GetInt32());

        var categories = await client.GetFromJsonAsync<JsonElement>("/api/floor/complaints/by-category");
        Assert.Equal(3, categories.GetProperty("total").GetInt32());
        Assert.Equal(["claims:2", "serviceAttitude:1"], categories.GetProperty("categories").EnumerateArray().Select(c => $"{c.GetProperty("category").GetString()}:{c.GetProperty("count").GetInt32()}"));

        var xlsx = await client.GetAsync("/api/floor/breaches/by-hour?days=7&format=xlsx");
        Assert.Equal(Xlsx, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-breaches-by-hour-floor-2026-11-02.xlsx", FileName(xlsx));
        var sheet = Assert.Single(OpenPyxl.Read(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal("按小时超时 Breaches by hour", sheet.Title);
        Assert.Equal("B3", sheet.FrozenAt);
        Assert.Equal(["时段", "小时", "全部门", "T1", "T2"], sheet.Rows[0].Select(c => c.Text));
        Assert.Equal("Department", sheet.Rows[1][2].Text);
        Assert.Equal(2 + 24, sheet.Rows.Count);
        Assert.Equal("14:00–15:00", sheet.Rows[2 + 14][0].Text);
        Assert.Equal(1.0, sheet.Rows[2 + 14][sheet.Column("T1")].Number);
        Assert.Equal(0.0, sheet.Rows[2 + 14][sheet.Column("T2")].Number);
        Assert.Equal("0", sheet.Rows[2 + 14][2].NumberFormat);

        var categorySheet = Assert.Single(OpenPyxl.Read(await client.GetByteArrayAsync("/api/teams/T1/complaints/by-category?format=xlsx")));
        Assert.Equal(["投诉类别", "类别代码", "T1"], categorySheet.Rows[0].Select(c => c.Text));
        Assert.Equal(["理赔", "服务态度"], categorySheet.Rows.Skip(2).Select(r => r[0].Text));
        var csv = await client.GetAsync("/api/floor/complaints/by-category?format=csv");
        Assert.Equal("realtime-complaints-by-category-floor-2026-11-02.csv", FileName(csv));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["投诉类别 / Category,类别代码 / Category id,全部门 / Department,T1 / T1,T2 / T2", "理赔,claims,2,1,1", "服务态度,serviceAttitude,1,1,0"], lines);

        Assert.Equal("days", await FieldOf(await client.GetAsync("/api/floor/breaches/by-hour?days=91")));
        Assert.Equal("days", await FieldOf(await client.GetAsync("/api/teams/T1/complaints/by-category?days=x")));
        Assert.Equal("format", await FieldOf(await client.GetAsync("/api/floor/breaches/by-hour?format=pdf")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/T9/breaches/by-hour")).StatusCode);
    }

    [Fact]
    public async Task The_satisfaction_trend_has_a_column_per_team_and_leaves_days_without_surveys_empty()
    {
        var yesterday = new DateTimeOffset(2026, 11, 1, 15, 0, 0, China);
        await PostAsync(
            ScorecardEvents.Service("A1", yesterday, "T1"), ScorecardEvents.Survey("A1", yesterday, 90),
            ScorecardEvents.Service("A2", yesterday, "T2"), ScorecardEvents.Survey("A2", yesterday, 70));
        var client = _app.CreateClient();

        var daily = await client.GetAsync("/api/floor/satisfaction/daily?days=3&format=xlsx");
        Assert.Equal("realtime-satisfaction-daily-2026-11-02.xlsx", FileName(daily));
        var sheet = Assert.Single(OpenPyxl.Read(await daily.Content.ReadAsByteArrayAsync()));
        Assert.Equal("每日满意度 Daily satisfaction", sheet.Title);
        Assert.Equal("C3", sheet.FrozenAt);
        Assert.Equal(["开始日期", "结束日期", "全部门满意度(10分制)", "T1 满意度(10分制)", "T2 满意度(10分制)"], sheet.Rows[0].Select(c => c.Text));
        var row = sheet.Rows[^2];
        Assert.Equal("2026-11-01T00:00:00", row[0].Text);
        Assert.Equal(8.0, row[2].Number);
        Assert.Equal(9.0, row[3].Number);
        Assert.Equal("0.0", row[3].NumberFormat);
        Assert.Null(sheet.Rows[^1][2].Number);

        var weekly = await client.GetFromJsonAsync<JsonElement>("/api/floor/satisfaction/weekly?weeks=2");
        Assert.Equal("weekly", weekly.GetProperty("period").GetString());
        Assert.Equal(8.0, weekly.GetProperty("entries")[0].GetProperty("floor").GetDouble());
        Assert.Equal(7.0, weekly.GetProperty("entries")[0].GetProperty("teams").GetProperty("T2").GetDouble());
        Assert.Equal(JsonValueKind.Null, weekly.GetProperty("entries")[1].GetProperty("floor").ValueKind);
        Assert.Equal("months", await FieldOf(await client.GetAsync("/api/floor/satisfaction/monthly?months=0&format=csv")));
    }

    [Fact]
    public async Task Breach_causes_download_by_team_and_by_agent_with_a_column_per_reason()
    {
        var opened = _app.Time.GetUtcNow().AddMinutes(-10);
        await PostAsync(Events.Opened("c-why", opened, agent: "A1", team: "T1"));
        await PostAsync(new { id = "why-x", type = "complaint.breachExplained", occurredAt = opened.AddMinutes(3), complaintId = "c-why", clock = "firstResponse", reasonCode = "workload" });
        var client = _app.CreateClient();

        var xlsx = await client.GetAsync("/api/floor/breach-causes?window=today&format=xlsx");
        Assert.Equal(Xlsx, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-breach-causes-floor-2026-11-02-2026-11-02.xlsx", FileName(xlsx));
        var sheet = Assert.Single(OpenPyxl.Read(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal("超时原因 Breach causes", sheet.Title);
        Assert.Equal("D3", sheet.FrozenAt);
        Assert.Equal(["层级", "团队", "坐席", "合计", "客户联系不上"], sheet.Rows[0].Take(5).Select(c => c.Text));
        Assert.Equal("workload", sheet.Rows[1][sheet.Column("工作量过大")].Text);
        Assert.Equal(["团队|T1|", "坐席|T1|A1"], sheet.Rows.Skip(2).Select(r => $"{r[0].Text}|{r[1].Text}|{r[2].Text}"));
        Assert.All(sheet.Rows.Skip(2), r => Assert.Equal(1.0, r[sheet.Column("工作量过大")].Number));

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/teams/T1/breach-causes?from=2026-11-01&to=2026-11-02&format=csv")).TrimStart('\uFEFF');
        Assert.StartsWith("层级 / Level,团队 / Team,坐席 / Agent,合计 / Total,客户联系不上 / customerUnreachable,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n坐席,T1,A1,1,0,0,0,1,", csv, StringComparison.Ordinal);
        Assert.Equal("format", await FieldOf(await client.GetAsync("/api/floor/breach-causes?format=doc")));
    }

    [Fact]
    public async Task The_group_competition_ranks_the_teams_of_a_closed_quarter()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(QuarterEvents.Q3())).StatusCode);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/quarters/2026Q3/teams")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/teams");
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(1, items[0].GetProperty("rank").GetInt32());
        Assert.True(items[0].GetProperty("meanFinalScore").GetDouble() >= items[^1].GetProperty("meanFinalScore").GetDouble());

        var xlsx = await client.GetAsync("/api/quarters/2026Q3/teams?format=xlsx");
        Assert.Equal("realtime-2026Q3-teams.xlsx", FileName(xlsx));
        var sheet = Assert.Single(OpenPyxl.Read(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal("团队 Teams", sheet.Title);
        Assert.Equal("C3", sheet.FrozenAt);
        Assert.Equal(items.Select(i => i.GetProperty("teamId").GetString()), sheet.Rows.Skip(2).Select(r => r[1].Text));
        Assert.Equal("quarter", await FieldOf(await client.GetAsync("/api/quarters/2026-3/teams")));
    }
}
