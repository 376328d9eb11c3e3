using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>A busy floor: the board fits 40 complaints on a 1920×1080 screen and summarises the rest.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardCapacityTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    [Fact]
    public async Task Forty_complaints_fit_without_scrolling_and_the_rest_are_summarised_as_more()
    {
        var team = FloorEvents.UniqueId("T-busy");
        var now = DateTimeOffset.UtcNow;
        // Spread over the target so every urgency band is on screen; a few are high severity.
        var events = Enumerable.Range(0, 45)
            .Select(i => FloorEvents.ComplaintOpened(
                $"C-{1000 + i}", team, agentId: $"A-{100 + i % 12}", severity: i % 9 == 0 ? "high" : "normal",
                occurredAt: now.AddMilliseconds(-i * 150)))
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

        await Expect(board.Page.Locator("#board .card.band-breached")).Not.ToHaveCountAsync(0,
            new() { Timeout = (float)(RealtimeServer.FirstResponseTarget + TimeSpan.FromSeconds(3)).TotalMilliseconds });
        await board.ScreenshotAsync("wallboard-40-complaints-breaching");
        board.AssertNoErrors();
    }
}
