using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The floor wall board's department KPIs (pushed live by the floor, with a daily sparkline) and its agent tiles
/// (every team's agents, with the total's band, over the board's <c>?window=</c>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardFloorKpiTests(HeadlessChromium chromium, FloorKpiServer server) : IClassFixture<FloorKpiServer>
{
    [Fact]
    public async Task Department_kpis_follow_the_floors_own_push_with_a_daily_sparkline_and_agents_of_every_team_show_their_band()
    {
        var (teamA, teamB) = (FloorEvents.UniqueId("T-a"), FloorEvents.UniqueId("T-b"));
        var (strong, weak) = (FloorEvents.UniqueId("A-strong"), FloorEvents.UniqueId("A-weak"));
        // strong: survey 90 (excellent), FCR 100 %, 30 s, no complaint, no praise (fail) → (100 + 100 + 100 + 100 + 0) / 5 = 80: good.
        // weak: survey 50 (fail), FCR 0 %, 900 s (fail), no complaint (excellent), no praise → 20: fail.
        await server.IngestAsync(
            FloorEvents.ServiceHandled(strong, teamA, firstContactResolved: true, responseSeconds: 30),
            FloorEvents.SurveySubmitted(strong, 90),
            FloorEvents.ServiceHandled(weak, teamB, firstContactResolved: false, responseSeconds: 900),
            FloorEvents.SurveySubmitted(weak, 50));

        await using var board = await DashboardPage.OpenAsync(chromium, server);
        var satisfaction = board.Page.Locator("#kpis .kpi[data-kpi=\"satisfactionAverage10\"]");

        // The department: (90 + 50) / 2 = 70 → 7 on the 1–10 scale, below the target of 8.
        await Expect(satisfaction.Locator(".kpi-value")).ToHaveTextAsync("7");
        await Expect(satisfaction).ToHaveAttributeAsync("data-status", "missed");
        await Expect(satisfaction.Locator("svg.kpi-trend")).ToHaveAttributeAsync("data-points", "1");
        await Expect(satisfaction.Locator("svg.kpi-trend")).ToHaveAttributeAsync("aria-label", "近14天趋势");
        // Follow-up coverage is quarter to date: no daily line.
        await Expect(board.Page.Locator("#kpis .kpi[data-kpi=\"followupCoverage\"] svg")).ToHaveCountAsync(0);

        var strongTile = board.Page.Locator($"#agents .agent-tile[data-agent-id=\"{strong}\"]");
        var weakTile = board.Page.Locator($"#agents .agent-tile[data-agent-id=\"{weak}\"]");
        await Expect(strongTile.Locator(".agent-total")).ToHaveTextAsync("80");
        await Expect(strongTile.Locator(".score-band")).ToHaveTextAsync("良好");
        await Expect(weakTile.Locator(".score-band")).ToHaveTextAsync("不合格");

        // Two more surveys of 100 in team B: (90 + 50 + 100 + 100) / 4 = 85 → 8.5, met. Only the floor's push can
        // tell the board (the page no longer reloads the department's figures from REST).
        await server.IngestAsync(FloorEvents.SurveySubmitted(weak, 100), FloorEvents.SurveySubmitted(weak, 100));
        await Expect(satisfaction.Locator(".kpi-value")).ToHaveTextAsync("8.5", new() { Timeout = 5_000 });
        await Expect(satisfaction).ToHaveAttributeAsync("data-status", "met");
        // The weak agent's survey is now (50 + 100 + 100) / 3 = 83.3 (good, 80): a pushed score, graded in the page.
        await Expect(weakTile.Locator(".agent-total")).ToHaveTextAsync("36");
        await Expect(weakTile.Locator(".score-band")).ToHaveTextAsync("不合格");
        await board.ScreenshotAsync("wallboard-floor-kpis");
        board.AssertNoErrors();

        await using var weekly = await DashboardPage.OpenAsync(chromium, server, "?window=7d&lang=en");
        await Expect(weekly.Page.Locator($"#agents .agent-tile[data-agent-id=\"{strong}\"] .score-band")).ToHaveTextAsync("Good");
        await Expect(weekly.Page.Locator("#kpis .kpi[data-kpi=\"satisfactionAverage10\"] svg.kpi-trend")).ToHaveAttributeAsync("aria-label", new Regex("^Last 14 days$"));
        weekly.AssertNoErrors();
    }
}
