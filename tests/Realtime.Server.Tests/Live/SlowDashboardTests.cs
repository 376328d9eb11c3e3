using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Live;

/// <summary>
/// A wall board whose browser stops reading (a frozen tab, a saturated link) against the real server process: every
/// other board still gets every push, the server keeps only a bounded backlog for the stalled one, and when it reads
/// again it is told to reload instead of being fed everything it missed.
/// </summary>
public sealed class SlowDashboardTests : IAsyncLifetime
{
    private const int Backlog = 2_048;
    private const int BatchSize = 500;
    private const int Complaints = 20_000;

    private readonly ServerProcess _server = new(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Postgres"] = null,
        ["Live__BacklogPerScope"] = Backlog.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_board_that_stops_reading_delays_no_other_costs_a_bounded_backlog_and_is_told_to_reload()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var stalled = await SubscribeRawAsync("floor", timeout.Token);
        var seen = new HashSet<string>();
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var expected = 0;
        await using var board = new HubConnectionBuilder()
            .WithUrl(new Uri(_server.BaseAddress, "hubs/live"), o =>
            {
                (o.Transports, o.SkipNegotiation) = (HttpTransportType.WebSockets, true);
                o.AccessTokenProvider = () => Task.FromResult(_server.AccessToken);
            })
            .Build();
        board.On<JsonElement>("complaintChanged", view =>
        {
            lock (seen)
            {
                if (seen.Add(view.GetProperty("id").GetString()!) && seen.Count == expected) caughtUp.TrySetResult();
            }
        });
        await board.StartAsync(timeout.Token);
        await board.InvokeAsync("Subscribe", "floor", timeout.Token);

        // Each complaint's board entry is about a kilobyte: in all far more than socket and pipe buffers hold for a
        // reader that reads nothing. The reading board is let catch up after each batch (it is a test client on a
        // loaded 2-core box, not the subject): the stalled one then falls behind by the whole run.
        var now = DateTimeOffset.UtcNow;
        for (var batch = 0; batch < Complaints / BatchSize; batch++)
        {
            lock (seen)
            {
                expected += BatchSize;
                caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            var events = Enumerable.Range(batch * BatchSize, BatchSize).Select(i => Events.Opened($"slow-{i}", now, team: $"T{i % 20}")).ToArray();
            var response = await _server.Http.PostAsJsonAsync("/api/events", events, timeout.Token);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            if (await Task.WhenAny(caughtUp.Task, Task.Delay(TimeSpan.FromSeconds(30), timeout.Token)) != caughtUp.Task)
            {
                int count;
                lock (seen) count = seen.Count;
                var runtime = await _server.Http.GetStringAsync("/health/runtime", timeout.Token);
                Assert.Fail($"The reading board got {count} of {expected} complaints; runtime: {runtime}");
            }
        }

        // The backlog the stalled board costs stays within the scope's bound, and the reading board never fell behind.
        var backlog = (await _server.Http.GetFromJsonAsync<JsonElement>("/health/runtime", timeout.Token)).GetProperty("pushBacklog");
        Assert.Equal(2, backlog.GetProperty("subscribers").GetInt32());
        Assert.Equal(0, backlog.GetProperty("resyncs").GetInt64());
        Assert.InRange(backlog.GetProperty("kept").GetInt64(), 1, Backlog);
        Assert.InRange(backlog.GetProperty("deepest").GetInt64(), 1, Backlog);

        // Reading again, the stalled board is told it fell behind (after at most what was already on its way to it).
        var resync = await ReadUntilAsync(stalled, "resync", timeout.Token);
        Assert.True(resync.GetProperty("arguments")[0].GetProperty("missed").GetInt64() > Backlog, resync.ToString());
        var after = (await _server.Http.GetFromJsonAsync<JsonElement>("/health/runtime", timeout.Token)).GetProperty("pushBacklog");
        Assert.Equal(1, after.GetProperty("resyncs").GetInt64());
    }

    /// <summary>A hub connection over a bare WebSocket, subscribed to <paramref name="scope"/>, that reads nothing more until asked.</summary>
    private async Task<ClientWebSocket> SubscribeRawAsync(string scope, CancellationToken cancellationToken)
    {
        var socket = await RawHubSocket.ConnectAndSubscribeAsync(_server.BaseAddress, _server.AccessToken, scope, cancellationToken);
        var completion = await ReadUntilAsync(socket, null, cancellationToken);
        Assert.False(completion.TryGetProperty("error", out var error), error.ToString());
        return socket;
    }

    /// <summary>Reads hub messages until an invocation of <paramref name="target"/> (null: the completion of invocation 1).</summary>
    private static async Task<JsonElement> ReadUntilAsync(WebSocket socket, string? target, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var utf8 = Encoding.UTF8.GetDecoder(); // a character may straddle two reads
        var pending = new StringBuilder();
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, cancellationToken);
            if (read.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The server closed the connection.");
            pending.Append(chars, 0, utf8.GetChars(buffer, 0, read.Count, chars, 0));
            var text = pending.ToString();
            var end = text.LastIndexOf(RawHubSocket.RecordSeparator);
            if (end < 0) continue;
            pending.Clear().Append(text, end + 1, text.Length - end - 1);
            foreach (var frame in text[..end].Split(RawHubSocket.RecordSeparator))
            {
                using var message = JsonDocument.Parse(frame);
                var root = message.RootElement;
                var isTarget = target is null
                    ? root.TryGetProperty("invocationId", out var id) && id.GetString() == "1"
                    : root.TryGetProperty("target", out var name) && name.GetString() == target;
                if (isTarget) return root.Clone();
            }
        }
    }
}
