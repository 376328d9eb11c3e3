using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>What a manager sees at their desk: department and team KPIs with trends, the agent ranking, quarter snapshots.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ManagerViewTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    private const int Width = 1600;
    private const int Height = 1000;

    [Fact]
    public async Task Kpis_against_targets_and_a_sortable_agent_ranking_in_both_languages()
    {
        var team = FloorEvents.UniqueId("T-mgr");
        var strong = FloorEvents.UniqueId("A-strong");
        var weak = FloorEvents.UniqueId("A-weak");
        var complaintId = FloorEvents.UniqueId("C-mgr");
        await server.IngestAsync(
            FloorEvents.ServiceHandled(strong, team, responseSeconds: 20),
            FloorEvents.SurveySubmitted(strong, 95),
            FloorEvents.ServiceHandled(weak, team, firstContactResolved: false, responseSeconds: 900),
            FloorEvents.SurveySubmitted(weak, 50),
            FloorEvents.ComplaintOpened(complaintId, team, agentId: weak));
        await server.IngestAsync(FloorEvents.ComplaintResolved(complaintId));

        await using var view = await DashboardPage.OpenViewAsync(chromium, server, "/manager", Width, Height);
        var page = view.Page;

        await Expect(page.Locator("h1")).ToHaveTextAsync("部门经理视图");
        var resolvedInTime = page.Locator($"#kpis tr[data-kpi=\"resolvedWithin48hRate\"] td[data-team=\"{team}\"]");
        await Expect(resolvedInTime.Locator(".kpi-value")).ToHaveTextAsync("100%");
        await Expect(resolvedInTime.Locator(".kpi-status")).ToHaveTextAsync("达标");
        // The trend is the daily series of the last 14 days; this team has data today only.
        await Expect(resolvedInTime.Locator("svg.kpi-chart")).ToHaveAttributeAsync("data-points", "1");
        await Expect(resolvedInTime.Locator("svg.kpi-chart")).ToHaveAttributeAsync("aria-label", new Regex("近14天趋势$"));
        await Expect(page.Locator($"#ranking tr[data-agent-id=\"{strong}\"] .score-band")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("#kpis tr[data-kpi=\"resolvedWithin48hRate\"] th")).ToContainTextAsync("目标 ≥ 95%");
        await Expect(page.Locator("#kpis td[data-team=\"floor\"]")).Not.ToHaveCountAsync(0);

        await Expect(page.Locator($"#ranking tr[data-agent-id=\"{strong}\"]")).ToBeVisibleAsync();
        await Expect(page.Locator($"#ranking tr[data-agent-id=\"{weak}\"]")).ToBeVisibleAsync();
        Assert.True(await RowIndexAsync(page, strong) < await RowIndexAsync(page, weak), "Best total first by default.");
        await page.Locator("#ranking th[data-column=\"total\"] button").ClickAsync();
        await Expect(page.Locator("#ranking th[data-column=\"total\"]")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.True(await RowIndexAsync(page, weak) < await RowIndexAsync(page, strong), "Lowest total first after a click on the header.");
        await page.Locator("#ranking th[data-column=\"total\"] button").ClickAsync();
        await Expect(page.Locator("#ranking th[data-column=\"total\"]")).ToHaveAttributeAsync("aria-sort", "descending");

        await page.Locator("#ranking-windows button[data-window=\"qtd\"]").ClickAsync();
        await Expect(page.Locator($"#ranking tr[data-agent-id=\"{strong}\"]")).ToBeVisibleAsync();

        using var quarters = await server.Http.GetAsync("/api/quarters");
        if (quarters.StatusCode == HttpStatusCode.NotFound)
        {
            // Not deployed on this server: the section says so and shows no figures.
            await Expect(page.Locator("#quarters .quarters-unavailable")).ToContainTextAsync("季度快照功能尚未启用");
            await Expect(page.Locator("#quarters table")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(page.Locator("#quarters .quarter-list, #quarters .quarters-empty")).ToBeVisibleAsync();
        }
        await view.FullPageScreenshotAsync("manager-zh-CN");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Manager view");
        await Expect(resolvedInTime.Locator(".kpi-status")).ToHaveTextAsync("Met");
        await Expect(page.Locator("#ranking th[data-column=\"total\"]")).ToContainTextAsync("Total");
        await Expect(view.LiveIndicator).ToHaveTextAsync("Live");
        await view.FullPageScreenshotAsync("manager-en");
        view.AssertNoErrors();
    }

    [Fact]
    public async Task Case_clock_compliance_of_the_floor_follows_the_live_pushes_in_both_languages()
    {
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, "/manager", Width, Height);
        var page = view.Page;
        await Expect(view.LiveIndicator).ToHaveTextAsync("实时");
        await Expect(page.Locator("#case-kpi-panel h2")).ToHaveTextAsync("案件时效达成率");

        // A follow-up visit whose record is entered at once: its 24-hour clock is met, and the floor's KPIs are pushed.
        var visit = FloorEvents.UniqueId("visit");
        var now = DateTimeOffset.UtcNow.ToString("O");
        await server.IngestAsync(
            new { id = FloorEvents.UniqueId("evt"), type = "case.opened", occurredAt = now, caseId = visit, caseType = "followup", teamId = "T-case" },
            new { id = FloorEvents.UniqueId("evt"), type = "case.step", occurredAt = now, caseId = visit, step = "recordEntered" });

        var row = page.Locator("#case-kpis tr[data-clock=\"followupRecordEntry\"]");
        await Expect(row.Locator("th")).ToHaveTextAsync("回访24小时录入率");
        await Expect(row.Locator("td[data-window=\"today\"] .kpi-value")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)?%$"));
        await Expect(row.Locator("td[data-window=\"qtd\"] .kpi-status")).ToHaveTextAsync(new Regex(@"^\d+ / \d+$"));

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(row.Locator("th")).ToHaveTextAsync("Follow-up records entered within 24 h");
        await Expect(page.Locator("#case-kpis th[data-window=\"7d\"]")).Not.ToBeEmptyAsync();
        view.AssertNoErrors();
    }

    [Fact]
    public async Task Breach_causes_by_team_and_agent_follow_an_explanation_live_for_the_window_chosen()
    {
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, "/manager", Width, Height);
        var page = view.Page;
        await Expect(view.LiveIndicator).ToHaveTextAsync("实时");
        await Expect(page.Locator("#breach-cause-panel h2")).ToHaveTextAsync("超时原因");

        // Opened 10 minutes ago: its first response breaches on arrival; a supervisor explains it.
        var team = FloorEvents.UniqueId("T-why");
        var agent = FloorEvents.UniqueId("A-why");
        var complaintId = FloorEvents.UniqueId("C-why");
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team, agentId: agent, occurredAt: DateTimeOffset.UtcNow.AddMinutes(-10)));
        await server.IngestAsync(new
        {
            id = FloorEvents.UniqueId("evt"),
            type = "complaint.breachExplained",
            occurredAt = DateTimeOffset.UtcNow.ToString("O"),
            complaintId,
            clock = "firstResponse",
            reasonCode = "workload",
            agentId = "S-1",
        });

        var teamRow = page.Locator($"#breach-causes table[data-by=\"team\"] tr[data-team=\"{team}\"]");
        await Expect(teamRow.Locator("td[data-reason=\"workload\"]")).ToHaveTextAsync("1");
        await Expect(page.Locator($"#breach-causes table[data-by=\"agent\"] tr[data-agent=\"{agent}\"] td[data-reason=\"total\"]")).ToHaveTextAsync("1");
        await Expect(page.Locator("#breach-causes table[data-by=\"team\"] th[data-reason=\"workload\"]")).ToHaveTextAsync("工作量过大");

        await page.Locator("#breach-cause-windows button[data-window=\"qtd\"]").ClickAsync();
        await Expect(page.Locator("#breach-cause-windows button[data-window=\"qtd\"]")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(teamRow.Locator("td[data-reason=\"workload\"]")).ToHaveTextAsync("1");
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#breach-causes table[data-by=\"team\"] th[data-reason=\"workload\"]")).ToHaveTextAsync("Workload");
        view.AssertNoErrors();
    }

    [Fact]
    public async Task The_quarter_section_closes_a_finished_quarter_with_confirmation_and_shows_a_sortable_snapshot_with_labelled_bands()
    {
        // A finished quarter (2026Q3) of real events on the real server; the close, the snapshot and the trend are its answers.
        var (strong, weak, other) = (FloorEvents.UniqueId("A-q3s"), FloorEvents.UniqueId("A-q3w"), FloorEvents.UniqueId("A-q3o"));
        var (teamA, teamB) = (FloorEvents.UniqueId("T-q3a"), FloorEvents.UniqueId("T-q3b"));
        var at = new DateTimeOffset(2026, 8, 10, 10, 0, 0, TimeSpan.FromHours(8));
        var events = new List<object>();
        for (var i = 0; i < 4; i++) events.Add(FloorEvents.ServiceHandled(strong, teamA, responseSeconds: 20, occurredAt: at.AddMinutes(i)));
        events.Add(FloorEvents.SurveySubmitted(strong, 95, occurredAt: at.AddHours(1)));
        for (var i = 0; i < 5; i++) events.Add(FloorEvents.PraiseReceived(strong, occurredAt: at.AddHours(2 + i)));
        events.Add(FloorEvents.AgentRated(strong, "knowledge_test", 95, "supervisor", "2026Q3", at.AddDays(30)));
        events.Add(FloorEvents.AgentRated(strong, "knowledge_test", 90, "self", "2026Q3", at.AddDays(30)));
        events.Add(FloorEvents.ServiceHandled(weak, teamA, firstContactResolved: false, responseSeconds: 900, occurredAt: at));
        events.Add(FloorEvents.SurveySubmitted(weak, 50, occurredAt: at.AddHours(1)));
        events.Add(FloorEvents.ServiceHandled(other, teamB, responseSeconds: 60, occurredAt: at));
        events.Add(FloorEvents.SurveySubmitted(other, 85, occurredAt: at.AddHours(1)));
        await server.IngestAsync([.. events]);

        await using var view = await DashboardPage.OpenViewAsync(chromium, server, "/manager", Width, Height);
        var page = view.Page;
        var list = page.Locator("#quarters .quarter-list");
        await Expect(list.Locator("tr[data-quarter=\"2026Q3\"] .quarter-status")).ToHaveTextAsync("可结算");
        // The current quarter is still running: listed, but it offers no close.
        await Expect(list.Locator("tr[data-quarter=\"2026Q4\"] .quarter-status")).ToHaveTextAsync("进行中");
        await Expect(list.Locator("tr[data-quarter=\"2026Q4\"] .close-quarter")).ToHaveCountAsync(0);

        // Close asks first; cancelling closes nothing; confirming closes it.
        await list.Locator("tr[data-quarter=\"2026Q3\"] .close-quarter").ClickAsync();
        await Expect(page.Locator("#close-dialog")).ToBeVisibleAsync();
        await Expect(page.Locator("#close-dialog .dialog-title")).ToHaveTextAsync("结算 2026Q3？");
        await page.Locator("#close-dialog button[value=\"cancel\"]").ClickAsync();
        await Expect(page.Locator("#close-dialog")).Not.ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/api/quarters/2026Q3/snapshot")).StatusCode);
        await list.Locator("tr[data-quarter=\"2026Q3\"] .close-quarter").ClickAsync();
        await page.Locator("#close-dialog button[value=\"confirm\"]").ClickAsync();
        await Expect(list.Locator("tr[data-quarter=\"2026Q3\"] .quarter-status")).ToHaveTextAsync("已结算");
        var closed = await server.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/quarters/2026Q3/snapshot");
        await Expect(list.Locator("tr[data-quarter=\"2026Q3\"] a.csv-download")).ToHaveAttributeAsync("href", "/api/quarters/2026Q3/snapshot?format=csv");

        await list.Locator("tr[data-quarter=\"2026Q3\"] .view-snapshot").ClickAsync();
        var table = page.Locator("#quarters .snapshot-table");
        await Expect(page.Locator("#quarters .snapshot-meta")).ToContainTextAsync(closed.GetProperty("hash").GetString()!);
        foreach (var agent in new[] { strong, weak, other }) await Expect(table.Locator($"tr[data-agent-id=\"{agent}\"]")).ToHaveCountAsync(1);
        // A survey of 50 is a failing satisfaction: the band is labelled, not only coloured.
        await Expect(table.Locator($"tr[data-agent-id=\"{weak}\"] .score-band-fail")).ToContainTextAsync("不合格");
        await Expect(page.Locator($"#quarters .team-ranking li[data-team-id=\"{teamA}\"]")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#quarters .team-ranking li[data-team-id=\"{teamB}\"]")).ToHaveCountAsync(1);

        // Highest final score first; a click on the column turns the order round, a second click back.
        await Expect(table.Locator("th[data-column=\"finalScore\"]")).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.True(await SnapshotRowAsync(page, strong) < await SnapshotRowAsync(page, weak));
        await table.Locator("th[data-column=\"finalScore\"] button").ClickAsync();
        await Expect(page.Locator("#quarters .snapshot-table th[data-column=\"finalScore\"]")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.True(await SnapshotRowAsync(page, strong) > await SnapshotRowAsync(page, weak));
        await page.Locator("#quarters .snapshot-table th[data-column=\"finalScore\"] button").ClickAsync();
        Assert.True(await SnapshotRowAsync(page, strong) < await SnapshotRowAsync(page, weak));

        await table.Locator($"tr[data-agent-id=\"{strong}\"] .link-button").ClickAsync();
        await Expect(page.Locator("#quarters .agent-trend svg circle")).ToHaveCountAsync(1);
        await Expect(page.Locator("#quarters .trend-axis")).ToContainTextAsync("2026Q3");
        await page.Locator("#quarter-panel").ScrollIntoViewIfNeededAsync();
        await view.FullPageScreenshotAsync("manager-quarters");
        view.AssertNoErrors();
    }

    private static Task<int> SnapshotRowAsync(Microsoft.Playwright.IPage page, string agentId) =>
        page.EvaluateAsync<int>("id => [...document.querySelectorAll('#quarters .snapshot-table tbody tr')].findIndex(r => r.dataset.agentId === id)", agentId);

    private static Task<int> RowIndexAsync(Microsoft.Playwright.IPage page, string agentId) =>
        page.EvaluateAsync<int>("id => [...document.querySelectorAll('#ranking tbody tr')].findIndex(r => r.dataset.agentId === id)", agentId);
}
