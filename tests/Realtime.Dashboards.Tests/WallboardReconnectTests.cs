using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>The board on a wall survives a server restart: it says it is reconnecting, comes back live and reloads.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardReconnectTests(HeadlessChromium chromium, RealtimeServer server) : IClassFixture<RealtimeServer>
{
    [Fact]
    public async Task After_a_server_restart_the_board_reconnects_reloads_its_state_and_receives_new_complaints()
    {
        await using var board = await DashboardPage.OpenAsync(chromium, server);
        var beforeRestart = FloorEvents.UniqueId("C-before");
        await server.IngestAsync(FloorEvents.ComplaintOpened(beforeRestart, "T-restart"));
        await Expect(board.Card(beforeRestart)).ToBeVisibleAsync(new() { Timeout = 2_000 });

        await server.RestartAsync();

        // The restart may be quick enough that the board is already back; either way it noticed.
        await Expect(board.LiveIndicator).ToHaveAttributeAsync("data-state", new Regex("^(reconnecting|offline|connected)$"));
        await board.ExpectLiveAsync(timeoutMs: 30_000);
        await Expect(board.LiveIndicator).ToHaveTextAsync("实时");
        // In-memory storage starts empty: a board that reloaded after reconnecting no longer shows the old complaint.
        await Expect(board.Card(beforeRestart)).ToHaveCountAsync(0, new() { Timeout = 5_000 });

        var afterRestart = FloorEvents.UniqueId("C-after");
        await server.IngestAsync(FloorEvents.ComplaintOpened(afterRestart, "T-restart"));
        await Expect(board.Card(afterRestart)).ToBeVisibleAsync(new() { Timeout = 2_000 });
        await board.ScreenshotAsync("wallboard-after-restart");
    }

    [Fact]
    public async Task While_the_server_is_down_the_indicator_says_so()
    {
        await using var board = await DashboardPage.OpenAsync(chromium, server);
        await Expect(board.LiveIndicator).ToHaveTextAsync("实时");

        await server.StopAsync();
        try
        {
            await Expect(board.LiveIndicator).ToHaveAttributeAsync("data-state", new Regex("^(reconnecting|offline)$"), new() { Timeout = 10_000 });
            await Expect(board.LiveIndicator).ToHaveTextAsync(new Regex("^(重连中|离线)$"));
            await board.ScreenshotAsync("wallboard-reconnecting");
        }
        finally
        {
            await server.StartAgainAsync();
        }
        await board.ExpectLiveAsync(timeoutMs: 30_000);
    }
}
