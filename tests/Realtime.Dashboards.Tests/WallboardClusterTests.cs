using Realtime.Testing;
using static Microsoft.Playwright.Assertions;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// A board on one server of a two-server cluster: it shows complaints that enter through the other server, and when its
/// own server dies and comes back it reconnects, reloads and shows every open complaint once, including those that
/// arrived while it was down, and none that was resolved meanwhile.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WallboardClusterTests(HeadlessChromium chromium) : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private ClusterMemberServer _boardServer = null!;
    private ClusterMemberServer _other = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        var key = Testing.Server.TestTokens.NewKey();
        _boardServer = new ClusterMemberServer(_database.ConnectionString, key);
        _other = new ClusterMemberServer(_database.ConnectionString, key);
        // One after the other: the first is the cluster's oldest silo.
        await _boardServer.InitializeAsync();
        await _other.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _boardServer.DisposeAsync();
        await _other.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_board_whose_server_dies_and_returns_shows_every_open_complaint_once()
    {
        await using var board = await DashboardPage.OpenAsync(chromium, _boardServer);
        var early = FloorEvents.UniqueId("C-early");
        var resolvedMeanwhile = FloorEvents.UniqueId("C-resolved");
        await _other.IngestAsync(FloorEvents.ComplaintOpened(early, "T-cluster"), FloorEvents.ComplaintOpened(resolvedMeanwhile, "T-cluster"));
        // Entered through the other server: pushed across the cluster to this board.
        await Expect(board.Card(early)).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(board.Card(resolvedMeanwhile)).ToBeVisibleAsync(new() { Timeout = 5_000 });

        await _boardServer.StopAsync();
        await Expect(board.LiveIndicator).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(reconnecting|offline)$"), new() { Timeout = 10_000 });
        // While it is down the floor goes on through the other server (which first takes the dead one's part over).
        var whileDown = FloorEvents.UniqueId("C-while-down");
        await _other.IngestAsync(FloorEvents.ComplaintOpened(whileDown, "T-cluster"), FloorEvents.ComplaintResolved(resolvedMeanwhile));

        await _boardServer.StartAgainAsync();
        await board.ExpectLiveAsync(timeoutMs: 60_000);
        await Expect(board.Card(whileDown)).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Expect(board.Card(early)).ToHaveCountAsync(1);
        await Expect(board.Card(resolvedMeanwhile)).ToHaveCountAsync(0);

        // And it is live again for complaints entering anywhere.
        var after = FloorEvents.UniqueId("C-after");
        await _other.IngestAsync(FloorEvents.ComplaintOpened(after, "T-cluster"));
        await Expect(board.Card(after)).ToHaveCountAsync(1, new() { Timeout = 5_000 });
        await board.ScreenshotAsync("wallboard-cluster-after-failover");
    }
}
