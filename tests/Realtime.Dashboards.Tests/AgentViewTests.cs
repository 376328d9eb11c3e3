using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>What an agent sees in the corner of their screen: own complaints counting down, warnings before a breach, own score.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AgentViewTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    // A corner of a desk screen, not a wall.
    private const int Width = 900;
    private const int Height = 1000;

    [Fact]
    public async Task A_warning_banner_appears_when_the_agents_complaint_passes_half_of_its_target()
    {
        var agent = FloorEvents.UniqueId("A-warn");
        var team = FloorEvents.UniqueId("T-warn");
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, $"/agent?id={agent}", Width, Height);
        // The agent has no event yet: the scorecard answers 404 and the view says so (the browser logs the 404).
        view.AllowFailedRequest("/scorecard");
        var complaintId = FloorEvents.UniqueId("C-warn");
        var someoneElses = FloorEvents.UniqueId("C-other");

        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team, agentId: agent), FloorEvents.ComplaintOpened(someoneElses, team, agentId: "A-other"));

        var row = view.Page.Locator($".agent-complaint[data-complaint-id=\"{complaintId}\"]");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(row.Locator(".ac-countdown")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$"));
        await Expect(row).ToContainTextAsync("张*");
        await Expect(row).Not.ToContainTextAsync("张三");
        await Expect(view.Page.Locator($".agent-complaint[data-complaint-id=\"{someoneElses}\"]")).ToHaveCountAsync(0);

        // 50 % of the 6-second first-response target is 3 s after opening.
        var banner = view.Page.Locator($"#alerts .alert-warning[data-complaint-id=\"{complaintId}\"]");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(banner).ToContainTextAsync("预警");
        await Expect(banner).ToContainTextAsync(complaintId);
        await Expect(banner).ToContainTextAsync("首次响应");
        await view.ScreenshotAsync("agent-warning");

        var breached = view.Page.Locator($"#alerts .alert-breached[data-complaint-id=\"{complaintId}\"]");
        await Expect(breached).ToBeVisibleAsync(new() { Timeout = 6_000 });
        await Expect(row).ToHaveAttributeAsync("data-band", "breached");
        await Expect(row.Locator(".band-label")).ToHaveTextAsync("超时");
        // The breach replaced the complaint's warnings; the escalation to the team lead follows it.
        await Expect(view.Page.Locator($"#alerts .alert-warning[data-complaint-id=\"{complaintId}\"]")).ToHaveCountAsync(0);
        await Expect(view.Page.Locator($"#alerts .alert-escalated[data-complaint-id=\"{complaintId}\"]")).ToContainTextAsync("组长", new() { Timeout = 5_000 });
        await view.ScreenshotAsync("agent-breached");

        await breached.Locator(".alert-dismiss").ClickAsync();
        await Expect(breached).ToHaveCountAsync(0);
        view.AssertNoErrors();
    }

    [Fact]
    public async Task The_score_shows_every_indicator_with_its_band_points_and_next_band_in_both_languages()
    {
        var agent = FloorEvents.UniqueId("A-score");
        var team = FloorEvents.UniqueId("T-score");
        // Survey 85 (good, 80), complaint rate 0 % (excellent), first contact 100 % (excellent),
        // response 30 s (excellent), 1 praise (pass, 60): the customer-satisfaction dimension scores 88.
        await server.IngestAsync(
            FloorEvents.ServiceHandled(agent, team, firstContactResolved: true, responseSeconds: 30),
            FloorEvents.SurveySubmitted(agent, 85),
            FloorEvents.PraiseReceived(agent));
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, $"/agent?id={agent}", Width, Height);
        var page = view.Page;
        var satisfaction = page.Locator("tr[data-indicator=\"satisfaction\"]");

        await Expect(page.Locator("h1")).ToHaveTextAsync("坐席工作台");
        await Expect(page.Locator(".score-total-value")).ToHaveTextAsync("88");
        // The total's band, graded by the server (edges 90 / 80 / 60).
        await Expect(page.Locator(".score-total .score-band")).ToHaveTextAsync("良好");
        await Expect(satisfaction.Locator(".score-band")).ToHaveTextAsync("良好");
        await Expect(satisfaction.Locator(".score-band")).ToHaveClassAsync(new Regex(@"\bscore-band-good\b"));
        await Expect(satisfaction).ToContainTextAsync("80");
        await Expect(satisfaction.Locator(".lift")).ToContainTextAsync("优秀");
        await Expect(page.Locator("tr[data-indicator=\"praise_count\"] .score-band")).ToHaveTextAsync("合格");
        await Expect(page.Locator("tr[data-indicator=\"complaint_rate\"] .score-band")).ToHaveTextAsync("优秀");
        // Manual indicators have no rating yet: "no data", never zero.
        await Expect(page.Locator("tr[data-band=\"none\"]").First.Locator(".score-band")).ToHaveTextAsync("暂无数据");
        await Expect(page.Locator(".agent-complaints")).ToHaveClassAsync(new Regex(@"\bis-empty\b"));
        await view.FullPageScreenshotAsync("agent-zh-CN");

        // A pushed scorecard carries no band: the page grades it with the edges the server sent.
        // Three praises (good, 80): (80 + 100 + 100 + 100 + 80) / 5 = 92, excellent.
        await server.IngestAsync(FloorEvents.PraiseReceived(agent), FloorEvents.PraiseReceived(agent));
        await Expect(page.Locator(".score-total-value")).ToHaveTextAsync("92");
        await Expect(page.Locator(".score-total .score-band")).ToHaveTextAsync("优秀");

        await page.Locator("#windows button[data-window=\"qtd\"]").ClickAsync();
        await Expect(page.Locator("#windows button[data-window=\"qtd\"]")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(satisfaction.Locator(".score-band")).ToHaveTextAsync("良好");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Agent desk");
        await Expect(satisfaction.Locator(".score-band")).ToHaveTextAsync("Good");
        await Expect(satisfaction.Locator(".lift")).ToContainTextAsync("Excellent");
        await Expect(satisfaction).ToContainTextAsync("Satisfaction");
        await Expect(view.LiveIndicator).ToHaveTextAsync("Live");
        await view.FullPageScreenshotAsync("agent-en");
        view.AssertNoErrors();
    }

    [Fact]
    public async Task Without_an_agent_id_the_view_says_how_to_name_one()
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/agent");
            await Expect(page.Locator("#missing-id")).ToBeVisibleAsync();
            await Expect(page.Locator("#missing-id")).ToContainTextAsync("/agent?id=");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
