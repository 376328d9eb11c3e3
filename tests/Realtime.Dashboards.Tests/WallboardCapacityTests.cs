using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// A busy floor: the board fits 40 calm complaints on a 1920×1080 screen and summarises the rest; breached and warned
/// complaints take large cards, so fewer fit, and the rest are summarised too.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardCapacityTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    [Fact]
    public async Task Forty_complaints_fit_without_scrolling_and_the_rest_are_summarised_as_more()
    {
        var team = FloorEvents.UniqueId("T-busy");
        var now = DateTimeOffset.UtcNow;
        // Answered at once, so only the 48-hour clocks run: every card is calm and small; a few are high severity.
        var events = Enumerable.Range(0, 45)
            .SelectMany(i => new[]
            {
                FloorEvents.ComplaintOpened(
                    $"C-{1000 + i}", team, agentId: $"A-{100 + i % 12}", severity: i % 9 == 0 ? "high" : "normal",
                    occurredAt: now.AddSeconds(-i)),
                FloorEvents.ComplaintResponded($"C-{1000 + i}", $"A-{100 + i % 12}", now.AddSeconds(-i + 1)),
            })
            .ToArray();
        await server.IngestAsync(events);

        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");

        await Expect(board.Cards).ToHaveCountAsync(40, new() { Timeout = 2_000 });
        await Expect(board.Page.Locator("#more")).ToBeVisibleAsync();
        await Expect(board.Page.Locator("#more")).ToContainTextAsync(new Regex(@"\b5\b"));
        await Expect(board.Page.Locator("#count-open")).ToHaveTextAsync("45");
        // The most urgent (opened first) are on screen, the 5 calmest are summarised.
        await Expect(board.Card("C-1044")).ToBeVisibleAsync();
        await Expect(board.Card("C-1000")).ToHaveCountAsync(0);

        await board.AssertFitsScreenAsync();
        await board.ScreenshotAsync("wallboard-40-complaints");
        board.AssertNoErrors();
    }

    [Fact]
    public async Task Breaching_complaints_take_large_cards_and_what_no_longer_fits_is_summarised_as_more()
    {
        var team = FloorEvents.UniqueId("T-breaching");
        var now = DateTimeOffset.UtcNow;
        // Spread over the target so every urgency band is on screen, then breaching one after another.
        var events = Enumerable.Range(0, 45)
            .Select(i => FloorEvents.ComplaintOpened($"C-{2000 + i}", team, agentId: $"A-{100 + i % 12}", occurredAt: now.AddMilliseconds(-i * 150)))
            .ToArray();
        await server.IngestAsync(events);

        await using var board = await DashboardPage.OpenAsync(chromium, server, $"?team={team}");

        // Once every one has breached the board stands still: all cards large, the rest summarised.
        await Expect(board.Page.Locator("#count-breached")).ToHaveTextAsync("45",
            new() { Timeout = (float)(RealtimeServer.FirstResponseTarget + TimeSpan.FromSeconds(4)).TotalMilliseconds });
        await Expect(board.Page.Locator("#board .card:not(.is-large)")).ToHaveCountAsync(0);
        var shown = await board.Cards.CountAsync();
        Assert.InRange(shown, 1, 39);
        await Expect(board.Page.Locator("#more")).ToContainTextAsync(new Regex($@"\b{45 - shown}\b"));
        await Expect(board.Page.Locator("#count-open")).ToHaveTextAsync("45");
        await board.AssertFitsScreenAsync();
        await board.ScreenshotAsync("wallboard-40-complaints-breaching");
        board.AssertNoErrors();
    }
}
