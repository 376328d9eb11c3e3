using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>What a supervisor sees on the wall board while complaints arrive and their clocks run.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class WallboardTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    [Fact]
    public async Task A_complaint_posted_to_ingest_appears_on_the_floor_board_within_two_seconds()
    {
        await using var board = await DashboardPage.OpenAsync(chromium, server);
        var complaintId = FloorEvents.UniqueId("C-floor");

        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, "T-floor"));

        var card = board.Card(complaintId);
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("首次响应");
        // Customer data only as the server sends it: masked.
        await Expect(card.Locator(".card-who")).ToContainTextAsync("张*");
        await Expect(card).Not.ToContainTextAsync("张三");
        await board.ScreenshotAsync("wallboard-floor-new-complaint");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task The_countdown_of_a_running_clock_moves()
    {
        var team = FloorEvents.UniqueId("T-count");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var complaintId = FloorEvents.UniqueId("C-count");
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team));

        var countdown = board.Card(complaintId).Locator(".card-countdown");
        await Expect(countdown).ToHaveTextAsync(MinutesSeconds());
        var first = await countdown.TextContentAsync();

        await Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 2_500 });
        board.AssertNoErrors();
    }

    [Fact]
    public async Task At_breach_the_card_turns_breached_in_colour_and_in_words_and_the_ticker_says_so()
    {
        var team = FloorEvents.UniqueId("T-breach");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var complaintId = FloorEvents.UniqueId("C-breach");
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team));

        var card = board.Card(complaintId);
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(card).Not.ToHaveClassAsync(new Regex(@"\bband-breached\b"));
        await Expect(card.Locator(".band-label")).Not.ToHaveTextAsync("超时");
        await board.ScreenshotAsync("wallboard-team-before-breach");

        var untilBreach = (float)(RealtimeServer.FirstResponseTarget + TimeSpan.FromSeconds(4)).TotalMilliseconds;
        await Expect(card).ToHaveClassAsync(new Regex(@"\bband-breached\b"), new() { Timeout = untilBreach });
        await Expect(card).ToHaveAttributeAsync("data-band", "breached");
        await Expect(card.Locator(".band-label")).ToHaveTextAsync("超时");
        await Expect(card.Locator(".card-countdown")).ToHaveTextAsync(new Regex(@"^\+\d{2}:\d{2}$"));
        await Expect(board.Feed.Locator($".feed-item.kind-breached[data-complaint-id=\"{complaintId}\"]"))
            .ToContainTextAsync("超时", new() { Timeout = 5_000 });
        // Breach starts the escalation chain at the team lead (default delay 0).
        await Expect(card.Locator(".badge-escalated")).ToContainTextAsync("组长", new() { Timeout = 5_000 });
        await board.ScreenshotAsync("wallboard-team-after-breach");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task A_board_opened_after_a_breach_shows_it_in_the_ticker_at_once()
    {
        var team = FloorEvents.UniqueId("T-later");
        var agent = FloorEvents.UniqueId("A-later");
        var complaintId = FloorEvents.UniqueId("C-later");
        var item = (DashboardPage page, string kind) => page.Feed.Locator($".feed-item.kind-{kind}[data-complaint-id=\"{complaintId}\"]");
        await using (var floor = await DashboardPage.OpenAsync(chromium, server))
        {
            await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team, agentId: agent));
            // The breach and its escalation happen while only the floor's board is open.
            var untilEscalated = (float)(RealtimeServer.FirstResponseTarget + TimeSpan.FromSeconds(5)).TotalMilliseconds;
            await Expect(item(floor, "escalated")).ToBeVisibleAsync(new() { Timeout = untilEscalated });
        }

        // Nothing more happens to the complaint (the next escalation is hours away): what the team's board shows came over REST.
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");

        await Expect(item(board, "breached")).ToContainTextAsync("超时", new() { Timeout = 2_000 });
        await Expect(item(board, "escalated")).ToContainTextAsync("组长");
        await Expect(board.Feed.Locator(".feed-empty")).ToHaveCountAsync(0);
        // Newest first, each at the time the server pushed it: the escalation on top, then the breach, then the warnings.
        var items = board.Feed.Locator(".feed-item");
        await Expect(items.Nth(0)).ToHaveClassAsync(new Regex(@"\bkind-escalated\b"));
        await Expect(items.Nth(1)).ToHaveClassAsync(new Regex(@"\bkind-breached\b"));
        await Expect(items.Nth(2)).ToHaveClassAsync(new Regex(@"\bkind-warning\b"));
        await Expect(item(board, "breached").Locator(".feed-time")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}(:\d{2})?$"));
        await board.ScreenshotAsync("wallboard-team-opened-after-breach");
        board.AssertNoErrors();

        // The agent's own view, opened now, shows the breach too (its warnings superseded by it, as when they arrive live).
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, $"/agent?id={agent}", 900, 1000);
        view.AllowFailedRequest("/scorecard");
        await Expect(view.Page.Locator($"#alerts .alert-breached[data-complaint-id=\"{complaintId}\"]")).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(view.Page.Locator($"#alerts .alert-warning[data-complaint-id=\"{complaintId}\"]")).ToHaveCountAsync(0);
        view.AssertNoErrors();
    }

    [Fact]
    public async Task The_board_shows_the_most_urgent_complaint_first()
    {
        var team = FloorEvents.UniqueId("T-order");
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var older = FloorEvents.UniqueId("C-older");
        var newer = FloorEvents.UniqueId("C-newer");
        // Opened 3 s ago: less first-response time left than the one opened now.
        await server.IngestAsync(
            FloorEvents.ComplaintOpened(newer, team),
            FloorEvents.ComplaintOpened(older, team, occurredAt: DateTimeOffset.UtcNow.AddSeconds(-3)));

        await Expect(board.Cards).ToHaveCountAsync(2, new() { Timeout = 2_000 });
        await Expect(board.Cards.First).ToHaveAttributeAsync("data-complaint-id", older);
        board.AssertNoErrors();
    }

    [Fact]
    public async Task A_team_board_shows_only_that_team_and_a_resolved_complaint_leaves_it()
    {
        var team = FloorEvents.UniqueId("T-mine");
        var mine = FloorEvents.UniqueId("C-mine");
        var theirs = FloorEvents.UniqueId("C-theirs");
        await server.IngestAsync(FloorEvents.ComplaintOpened(mine, team));
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        await server.IngestAsync(FloorEvents.ComplaintOpened(theirs, FloorEvents.UniqueId("T-other")));

        // Loaded over REST at connect, not pushed: the board reloads state when it connects.
        await Expect(board.Card(mine)).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await Expect(board.Page.Locator("#scope")).ToContainTextAsync(team);

        await server.IngestAsync(FloorEvents.ComplaintResolved(mine));
        await Expect(board.Card(mine)).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        await Expect(board.Card(theirs)).ToHaveCountAsync(0);
        board.AssertNoErrors();
    }

    [Fact]
    public async Task Labels_are_Chinese_by_default_and_English_after_the_switch_and_the_choice_is_remembered()
    {
        var team = FloorEvents.UniqueId("T-lang");
        var complaintId = FloorEvents.UniqueId("C-lang");
        await server.IngestAsync(FloorEvents.ComplaintOpened(complaintId, team, severity: "high"));
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");
        var page = board.Page;
        var card = board.Card(complaintId);

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("投诉实时看板");
        await Expect(board.LiveIndicator).ToHaveTextAsync("实时");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("首次响应");
        await Expect(card.Locator(".badge-high")).ToHaveTextAsync("高风险");
        await board.AssertFitsScreenAsync();
        await board.ScreenshotAsync("wallboard-zh-CN");

        await page.Locator("#lang-switch").ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live complaints");
        await Expect(board.LiveIndicator).ToHaveTextAsync("Live");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("First response");
        await Expect(card.Locator(".band-label")).ToHaveTextAsync(new Regex("^(OK|Attention|Warning|Urgent|Breached)$"));
        await board.AssertFitsScreenAsync();
        await board.ScreenshotAsync("wallboard-en");

        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live complaints");
        await page.GotoAsync($"/wallboard?team={team}&lang=zh-CN");
        await Expect(page.Locator("h1")).ToHaveTextAsync("投诉实时看板");
        await page.GotoAsync($"/wallboard?team={team}&lang=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Live complaints");
        board.AssertNoErrors();
    }

    [GeneratedRegex(@"^\d{2}:\d{2}$")]
    private static partial Regex MinutesSeconds();
}
