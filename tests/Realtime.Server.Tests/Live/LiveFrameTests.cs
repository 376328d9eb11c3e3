using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Live;

/// <summary>
/// What a dashboard's socket carries when pushes pile up faster than one at a time: several hub messages per WebSocket
/// frame (as SignalR's protocol allows), each still its own message with its own method and payload, none lost or
/// doubled. Read over a bare WebSocket against the real server process, so the frames themselves are seen.
/// </summary>
public sealed class LiveFrameTests : IAsyncLifetime
{
    private const int Complaints = 300;

    private readonly ServerProcess _server = new(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Postgres"] = null,
        // State pushes wait a whole second between sends, so those of the batch below are certainly waiting together.
        ["Live__StateInterval"] = "00:00:01",
    });

    public Task InitializeAsync() => _server.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Pushes_waiting_together_go_out_in_one_frame_each_as_its_own_hub_message()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var socket = await RawHubSocket.ConnectAndSubscribeAsync(_server.BaseAddress, _server.AccessToken, "floor", timeout.Token);

        // Opened an hour ago: each first-response clock is breached in the turn that opens it.
        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1);
        var events = Enumerable.Range(0, Complaints).Select(i => Events.Opened($"frame-{i}", hourAgo, team: $"T{i % 5}")).ToArray();
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await _server.Http.PostAsJsonAsync("/api/events", events, timeout.Token)).StatusCode);

        var breached = new List<string>();
        var changed = new HashSet<string>();
        int frames = 0, messages = 0, mostInOneFrame = 0;
        while (breached.Count < Complaints || changed.Count < Complaints)
        {
            var records = (await ReadFrameAsync(socket, timeout.Token)).Split(RawHubSocket.RecordSeparator, StringSplitOptions.RemoveEmptyEntries);
            frames++;
            messages += records.Length;
            mostInOneFrame = Math.Max(mostInOneFrame, records.Length);
            foreach (var record in records)
            {
                using var message = JsonDocument.Parse(record);
                var root = message.RootElement;
                if (!root.TryGetProperty("target", out var target)) continue;
                Assert.Equal(1, root.GetProperty("type").GetInt32());
                var payload = root.GetProperty("arguments").EnumerateArray().Single();
                switch (target.GetString())
                {
                    case "slaBreached" when payload.GetProperty("clock").GetString() == "firstResponse":
                        breached.Add(payload.GetProperty("complaintId").GetString()!);
                        break;
                    case "complaintChanged":
                        changed.Add(payload.GetProperty("id").GetString()!);
                        // Masked on this path too.
                        Assert.DoesNotContain("13812341234", record, StringComparison.Ordinal);
                        break;
                    case "resync":
                        Assert.Fail("A reading dashboard was told to reload: " + record);
                        break;
                }
            }
        }

        Assert.Equal(Complaints, breached.Distinct().Count());
        Assert.Equal(Complaints, breached.Count);
        Assert.True(mostInOneFrame > 1 && frames < messages, $"{messages} hub messages arrived in {frames} frames, at most {mostInOneFrame} in one");
    }

    /// <summary>One whole WebSocket message (a frame as the application sees it), as text.</summary>
    private static async Task<string> ReadFrameAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var frame = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer, cancellationToken);
            if (read.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("The server closed the connection.");
            frame.Write(buffer, 0, read.Count);
            if (read.EndOfMessage) return Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
        }
    }
}
