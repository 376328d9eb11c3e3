using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Realtime.Server.Tests.Quarters;
using Realtime.Testing;

namespace Realtime.Server.Tests.Reports;

/// <summary>The Excel and CSV downloads as a manager gets them (the server clock stands at 2026-11-02 09:00 +08:00).</summary>
public sealed class ReportApiTests
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<HttpClient> ClosedQ3Async(RealtimeApp app)
    {
        var client = app.CreateClient();
        var events = QuarterEvents.Q3();
        // A complaint naming a customer: the export must never show the name or phone.
        events.Add(Events.Opened("C-Q3-PII", QuarterEvents.At(8, 20), team: "T1", agent: "A1"));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(events, client)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);
        return client;
    }

    private static string FileName(HttpResponseMessage response) => response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "";

    [Fact]
    public async Task The_snapshot_as_xlsx_is_a_dated_workbook_that_opens_on_the_ranking_without_customer_data()
    {
        await using var app = new RealtimeApp();
        var client = await ClosedQ3Async(app);

        var response = await client.GetAsync("/api/quarters/2026Q3/snapshot?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-2026Q3.xlsx", FileName(response));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var sheets = OpenPyxl.Read(bytes);
        Assert.Equal(["排名 Ranking", "坐席 Agents", "团队 Teams", "部门 Department", "投诉类别 Categories"], sheets.Select(s => s.Title));
        var ranking = sheets[0];
        Assert.Equal("C3", ranking.FrozenAt);
        Assert.Equal("最终得分", ranking.Rows[0][3].Text);
        Assert.Equal("Final score", ranking.Rows[1][3].Text);
        Assert.Equal(["A3", "A1", "A2"], ranking.Rows.Skip(2).Select(r => r[1].Text));
        Assert.Equal(80.4615, ranking.Rows[3][3].Number);
        Assert.Equal("0.0", ranking.Rows[3][3].NumberFormat);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var xml = string.Concat(zip.Entries.Select(e => new StreamReader(e.Open(), Encoding.UTF8).ReadToEnd()));
        Assert.DoesNotContain("张三", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("13812341234", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("1234", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ranking_comes_as_json_csv_or_xlsx_and_a_bad_format_names_the_field()
    {
        await using var app = new RealtimeApp();
        var client = await ClosedQ3Async(app);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/ranking");
        Assert.Equal(["A3", "A1", "A2"], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("agentId").GetString()));
        Assert.Equal(1, json.GetProperty("items")[0].GetProperty("rankOnFloor").GetInt32());

        var csv = await client.GetAsync("/api/quarters/2026Q3/ranking?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-2026Q3-ranking.csv", FileName(csv));
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("全场排名 / Rank on floor,工号 / Agent,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,A3,T2,81.7308,", lines[1], StringComparison.Ordinal);

        var xlsx = await client.GetAsync("/api/quarters/2026Q3/ranking?format=xlsx");
        Assert.Equal(Xlsx, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-2026Q3-ranking.xlsx", FileName(xlsx));
        Assert.Equal("排名 Ranking", Assert.Single(OpenPyxl.Read(await xlsx.Content.ReadAsByteArrayAsync())).Title);

        var bad = await client.GetAsync("/api/quarters/2026Q3/snapshot?format=xls");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("format", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/quarters/2026Q2/ranking?format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Team_and_floor_KPI_series_download_per_day_week_and_month()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        var now = app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var opened = now.AddHours(-30);
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(new[]
        {
            Events.Opened("C-R1", opened),
            Events.Complaint("complaint.responded", "C-R1", opened.AddSeconds(40), "A1"),
            Events.Complaint("complaint.resolved", "C-R1", opened.AddHours(3), "A1"),
            ScorecardEvents.Service("A1", opened.AddHours(3), "T1", firstContactResolved: true, responseSeconds: 30),
            ScorecardEvents.Survey("A1", opened.AddHours(4), 90),
        }, client)).StatusCode);

        var daily = await client.GetAsync("/api/teams/T1/kpis/daily?days=7&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        Assert.Equal(Xlsx, daily.Content.Headers.ContentType?.MediaType);
        Assert.Equal("realtime-kpis-T1-daily-2026-11-02.xlsx", FileName(daily));
        var sheet = Assert.Single(OpenPyxl.Read(await daily.Content.ReadAsByteArrayAsync()));
        Assert.Equal("C3", sheet.FrozenAt);
        Assert.Equal(2 + 7, sheet.Rows.Count);
        var yesterday = sheet.Rows[^2];
        Assert.Equal("2026-11-01T00:00:00", yesterday[1].Text);
        Assert.Equal(1.0, yesterday[sheet.Column("48小时投诉处理率")].Number);
        Assert.Equal("0.0%", yesterday[sheet.Column("48小时投诉处理率")].NumberFormat);
        Assert.Equal(9.0, yesterday[sheet.Column("平均满意度(10分制)")].Number);

        // Without a format the daily route answers its JSON as before.
        var json = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/kpis/daily?days=7");
        Assert.Equal(7, json.GetProperty("days").GetArrayLength());

        var floorCsv = await client.GetAsync("/api/floor/kpis/daily?days=2&format=csv");
        Assert.Equal("realtime-kpis-floor-daily-2026-11-02.csv", FileName(floorCsv));
        var lines = Encoding.UTF8.GetString(await floorCsv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["floor", "floor", "T1", "T1"], lines.Skip(1).Select(l => l.Split(',')[0]));

        var weekly = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/kpis/weekly?weeks=2");
        Assert.Equal("weekly", weekly.GetProperty("period").GetString());
        Assert.Equal(["2026-10-26", "2026-11-02"], weekly.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("from").GetString()));
        Assert.Equal(1, weekly.GetProperty("entries")[0].GetProperty("complaintsResolved").GetInt32());

        var monthly = await client.GetAsync("/api/floor/kpis/monthly?format=xlsx");
        Assert.Equal("realtime-kpis-floor-monthly-2026-11-02.xlsx", FileName(monthly));
        var months = Assert.Single(OpenPyxl.Read(await monthly.Content.ReadAsByteArrayAsync()));
        Assert.Equal("每月KPI Monthly", months.Title);
        Assert.Equal(2 + 3 * 2, months.Rows.Count);

        var badWeeks = await client.GetAsync("/api/teams/T1/kpis/weekly?weeks=99&format=xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, badWeeks.StatusCode);
        Assert.Equal("weeks", (await badWeeks.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
        var badFormat = await client.GetAsync("/api/teams/T1/kpis/daily?format=pdf");
        Assert.Equal("format", (await badFormat.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/T9/kpis/monthly?format=csv")).StatusCode);
    }
}
