using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Realtime.Testing.Server;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>A supervisor's TV (<c>?tv=1</c> without <c>?teams=</c>) rotates through the teams of their claims, never into others' (403).</summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardTvRotationTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    [Fact]
    public async Task A_supervisors_tv_shows_each_of_their_teams_in_turn_and_no_other()
    {
        // Three teams on the floor; the supervisor has two of them.
        await server.IngestAsync(
            FloorEvents.ComplaintOpened(FloorEvents.UniqueId("tv"), "T1"),
            FloorEvents.ComplaintOpened(FloorEvents.UniqueId("tv"), "T2"),
            FloorEvents.ComplaintOpened(FloorEvents.UniqueId("tv"), "T3"));
        var token = TestTokens.Create(server.SigningKey, "li.supervisor", ["supervisor"], teamIds: ["T2", "T1"]);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var refused = new ConcurrentQueue<string>();
        context.Response += (_, response) =>
        {
            if (response.Status is 401 or 403) refused.Enqueue($"{response.Status} {response.Url}");
        };
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/wallboard?tv=1&rotate=5&lang=en#access_token=" + Uri.EscapeDataString(token));
            await Expect(page).ToHaveURLAsync(new Regex("/wallboard\\?tv=1&rotate=5&lang=en&teams=T1%2CT2$"));
            var scope = page.Locator("#scope");
            // One whole round, in order: T1, T2, then T1 again (a T3 would have come between).
            await Expect(scope).ToHaveAttributeAsync("data-team", "T1", new() { Timeout = 15_000 });
            await Expect(scope).ToHaveAttributeAsync("data-team", "T2", new() { Timeout = 15_000 });
            await Expect(scope).ToHaveAttributeAsync("data-team", "T1", new() { Timeout = 15_000 });
            await Expect(page.Locator("#live-indicator")).ToHaveAttributeAsync("data-state", "connected");
            Assert.Empty(refused);
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
