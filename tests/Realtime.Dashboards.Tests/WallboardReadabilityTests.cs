using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// Readable at 5 metres and truthful: on a crowded floor every breached or warned card is whole and large, no text on
/// the wall board or the manager view is cut or overlaps, a first response met late reads as met, TV mode rotates teams,
/// and a board shows its data before its live connection is up.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class WallboardReadabilityTests(HeadlessChromium chromium, ReadableFloorServer server) : IClassFixture<ReadableFloorServer>
{
    [Theory]
    [InlineData("zh-CN", 1920, 1080)]
    [InlineData("en", 1920, 1080)]
    [InlineData("zh-CN", 1366, 768)]
    [InlineData("en", 1366, 768)]
    public async Task Every_breached_or_warned_card_shows_its_whole_id_clock_time_and_escalation_and_nothing_is_cut(string lang, int width, int height)
    {
        await using var board = await DashboardPage.OpenViewAsync(chromium, server, $"/wallboard?team={ReadableFloorServer.Team}&lang={lang}", width, height);
        var urgent = board.Page.Locator("#board .card:is([data-band=breached], [data-band=urgent], [data-band=warning])");
        await Expect(board.Page.Locator("#agents .agent-tile")).ToHaveCountAsync(6);
        await Expect(board.Cards.First).ToBeVisibleAsync();
        await board.ScreenshotAsync($"wallboard-readable-{lang}-{width}x{height}");
        await Expect(urgent).ToHaveCountAsync(ReadableFloorServer.BreachedOrWarned + ReadableFloorServer.BreachedOrWarnedCases);
        await Expect(board.Page.Locator("#board .card[data-case-id] .badge-case")).ToHaveCountAsync(ReadableFloorServer.BreachedOrWarnedCases);

        var problems = await board.FindUnreadableTextAsync();
        Assert.True(problems.Length == 0, $"Unreadable at {width}×{height} ({lang}):\n" + string.Join("\n", problems));
        await board.AssertFitsScreenAsync();

        foreach (var card in await urgent.AllAsync())
        {
            var complaintId = await card.GetAttributeAsync("data-complaint-id");
            var id = complaintId ?? await card.GetAttributeAsync("data-case-id");
            await Expect(card.Locator(".card-id")).ToHaveTextAsync(id!);
            await Expect(card.Locator(".card-clock")).Not.ToBeEmptyAsync();
            await Expect(card.Locator(".card-countdown")).ToHaveTextAsync(TimeText());
            // A case card names its type; breaches, of complaints and cases alike, climb the escalation chain.
            if (complaintId is null)
                await Expect(card.Locator(".badge-case")).ToHaveTextAsync(lang == "en" ? "Claim" : "理赔");
            if (await card.GetAttributeAsync("data-band") == "breached")
                await Expect(card.Locator(".badge-escalated")).ToHaveTextAsync(lang == "en" ? EnglishEscalation() : ChineseEscalation());
            if (width < 1920) continue;
            // Readable across the room: ids at least 24 px, times at least 48 px.
            Assert.True(await FontPixelsAsync(card.Locator(".card-id")) >= 24, $"{id}: id type under 24 px");
            Assert.True(await FontPixelsAsync(card.Locator(".card-countdown")) >= 48, $"{id}: time type under 48 px");
        }
        board.AssertNoErrors();
    }

    [Theory]
    [InlineData("zh-CN", 1920, 1080)]
    [InlineData("en", 1920, 1080)]
    [InlineData("zh-CN", 1366, 768)]
    [InlineData("en", 1366, 768)]
    public async Task The_manager_view_cuts_no_text_and_draws_no_chart_outside_its_cell(string lang, int width, int height)
    {
        await using var view = await DashboardPage.OpenViewAsync(chromium, server, $"/manager?lang={lang}", width, height);
        view.AllowFailedRequest("/api/quarters");
        await Expect(view.Page.Locator("#kpis svg.kpi-chart").First).ToBeVisibleAsync();
        await Expect(view.Page.Locator("#ranking tr[data-agent-id]")).Not.ToHaveCountAsync(0);
        await view.FullPageScreenshotAsync($"manager-readable-{lang}-{width}x{height}");

        var problems = await view.FindUnreadableTextAsync(withinViewport: false);
        Assert.True(problems.Length == 0, $"Unreadable at {width}×{height} ({lang}):\n" + string.Join("\n", problems));

        // Numeric headers sit over their right-aligned numbers.
        var total = view.Page.Locator("#ranking th[data-column=total]");
        Assert.Equal("right", await total.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        var headerRight = await total.EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        var cellRight = await view.Page.Locator("#ranking tbody tr[data-agent-id] td.total").First.EvaluateAsync<double>("e => e.getBoundingClientRect().right");
        Assert.Equal(cellRight, headerRight, 1.0);
        view.AssertNoErrors();
    }

    [Fact]
    public async Task A_first_response_met_20_s_late_reads_as_met_late_and_the_card_counts_the_resolution_clock()
    {
        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={ReadableFloorServer.Team}&lang=zh-CN");
        var card = board.Card(ReadableFloorServer.AnsweredLate);

        await Expect(card.Locator(".card-note")).ToHaveTextAsync("首次响应：已响应 · 超时 20 秒");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("处理时效");
        // 38 hours of the 48 left, counting down; nothing counts up from the breach ten hours ago.
        await Expect(card.Locator(".card-countdown")).ToHaveTextAsync(new Regex(@"^1天 1[34]:\d{2}$"));
        await Expect(card).Not.ToHaveAttributeAsync("data-band", "breached");
        await Expect(card).Not.ToContainTextAsync("+");
        // The chain reached the team lead at the breach and climbed no further once the response was given.
        await Expect(card.Locator(".badge-escalated")).ToHaveTextAsync("升级1级 · 组长");

        await board.Page.Locator("#lang-switch").ClickAsync();
        await Expect(card.Locator(".card-note")).ToHaveTextAsync("First response: met late by 20 s");
        await Expect(card.Locator(".card-clock")).ToHaveTextAsync("Resolution");
        await board.ScreenshotAsync("wallboard-met-late");
        board.AssertNoErrors();
    }

    [Theory]
    [InlineData("zh-CN", 1920, 1080)]
    [InlineData("en", 1366, 768)]
    public async Task A_floor_with_more_agents_than_fit_still_shows_its_newest_alerts_whole_and_counts_the_agents_left_out(string lang, int width, int height)
    {
        await using var board = await DashboardPage.OpenViewAsync(chromium, server, $"/wallboard?lang={lang}", width, height);
        var shownAlerts = board.Page.Locator("#feed .feed-item:not([hidden])");
        var shownTiles = board.Page.Locator("#agents .agent-tile:not([hidden])");
        await Expect(shownAlerts.First).ToBeVisibleAsync();
        await Expect(shownTiles.First).ToBeVisibleAsync();
        await board.ScreenshotAsync($"wallboard-floor-agents-and-ticker-{lang}-{width}x{height}");

        // The ticker keeps room for whole alerts however many agents score; the agents' tiles are whole too.
        await Expect(shownAlerts.First).ToBeInViewportAsync(new() { Ratio = 1 });
        var least = width >= 1920 ? 2 : 1;
        Assert.True(await shownAlerts.CountAsync() >= least, $"at {width}×{height} the ticker shows fewer than {least} alerts whole");
        var tiles = await shownTiles.CountAsync();
        Assert.InRange(tiles, width >= 1920 ? 4 : 2, 12);
        var panel = await board.Page.Locator("#agents").BoundingBoxAsync();
        var last = await shownTiles.Nth(tiles - 1).BoundingBoxAsync();
        Assert.True(last!.Y + last.Height <= panel!.Y + panel.Height + 0.5, "the last agent tile shown is cut");
        await Expect(board.Page.Locator("#agents-more")).ToContainTextAsync((ReadableFloorServer.FloorAgents - tiles).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var problems = await board.FindUnreadableTextAsync();
        Assert.True(problems.Length == 0, $"Unreadable at {width}×{height} ({lang}):\n" + string.Join("\n", problems));
        board.AssertNoErrors();
    }

    [Fact]
    public async Task TV_mode_hides_the_controls_and_rotates_through_the_teams()
    {
        await using var board = await DashboardPage.OpenAsync(
            chromium, server, $"?tv=1&rotate=5&teams={ReadableFloorServer.Team},{ReadableFloorServer.OtherTeam}");
        var scope = board.Page.Locator("#scope");

        await Expect(board.Page.Locator("#lang-switch")).ToBeHiddenAsync();
        Assert.Equal("none", await board.Page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).cursor"));
        await Expect(scope).ToHaveAttributeAsync("data-team", ReadableFloorServer.Team);
        await Expect(board.Card(ReadableFloorServer.AnsweredLate)).ToBeVisibleAsync();

        await Expect(scope).ToHaveAttributeAsync("data-team", ReadableFloorServer.OtherTeam, new() { Timeout = 12_000 });
        await Expect(scope).ToContainTextAsync("2/2");
        await Expect(board.Card("C2026120700000")).ToBeVisibleAsync();
        await Expect(board.Card(ReadableFloorServer.AnsweredLate)).ToHaveCountAsync(0);
        await board.ExpectLiveAsync();

        await Expect(scope).ToHaveAttributeAsync("data-team", ReadableFloorServer.Team, new() { Timeout = 12_000 });
        await Expect(board.Card(ReadableFloorServer.AnsweredLate)).ToBeVisibleAsync();
        board.AssertNoErrors();
    }

    [Fact]
    public async Task A_board_shows_its_data_from_REST_while_its_live_connection_cannot_be_made()
    {
        await using var board = await DashboardPage.OpenViewAsync(
            chromium, server, $"/wallboard?team={ReadableFloorServer.Team}", prepare: page => page.RouteAsync("**/hubs/live/**", route => route.AbortAsync()),
            waitForLive: false);
        board.AllowFailedRequest("/hubs/live");

        await Expect(board.Card(ReadableFloorServer.AnsweredLate)).ToBeVisibleAsync();
        await Expect(board.Page.Locator("#board .card[data-complaint-id][data-band=breached]")).ToHaveCountAsync(7);
        await Expect(board.Page.Locator("#board .card[data-case-id]")).ToHaveCountAsync(ReadableFloorServer.BreachedOrWarnedCases);
        await Expect(board.Page.Locator("#count-open")).ToHaveTextAsync("19");
        await Expect(board.LiveIndicator).Not.ToHaveAttributeAsync("data-state", "connected");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task HEAD_of_a_dashboard_answers_200()
    {
        foreach (var path in new[] { "/wallboard", "/agent", "/manager" })
        {
            using var response = await server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static Task<double> FontPixelsAsync(ILocator locator) =>
        locator.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");

    [GeneratedRegex(@"^\+?(\d+(天|d) )?\d{1,2}:\d{2}(:\d{2})?$")]
    private static partial Regex TimeText();

    [GeneratedRegex(@"^升级[1-3]级 · (组长|副总监|总监)$")]
    private static partial Regex ChineseEscalation();

    [GeneratedRegex(@"^L[1-3] · (Team lead|Deputy director|Director)$")]
    private static partial Regex EnglishEscalation();
}
