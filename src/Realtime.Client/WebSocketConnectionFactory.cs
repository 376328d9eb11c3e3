using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;

namespace Realtime.Client;

/// <summary>
/// Connects SignalR's <c>HubConnection</c> (from Microsoft.AspNetCore.SignalR.Client.Core) straight over a WebSocket,
/// skipping the negotiate round trip. It stands in for Microsoft.AspNetCore.Http.Connections.Client, which the package
/// registry reachable here does not have. <paramref name="connect"/> opens the socket: a <see cref="ClientWebSocket"/>
/// for a real server, or the test server's WebSocket client in tests.
/// </summary>
public sealed class WebSocketConnectionFactory(Func<Uri, CancellationToken, Task<WebSocket>> connect) : IConnectionFactory
{
    /// <summary>A factory that opens <see cref="ClientWebSocket"/>s.</summary>
    public static WebSocketConnectionFactory ForRealServer() => new(async (uri, ct) =>
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, ct);
        return socket;
    });

    /// <inheritdoc />
    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var uri = endpoint switch
        {
            UriEndPoint u => u.Uri,
            _ => throw new NotSupportedException($"Only {nameof(UriEndPoint)} is supported."),
        };
        var socket = await connect(ToWebSocketUri(uri), cancellationToken);
        var connection = new WebSocketConnection(socket, endpoint);
        connection.Start();
        return connection;
    }

    private static Uri ToWebSocketUri(Uri uri)
    {
        var builder = new UriBuilder(uri);
        builder.Scheme = builder.Scheme switch { "https" => "wss", "http" => "ws", _ => builder.Scheme };
        return builder.Uri;
    }

    /// <summary>A WebSocket seen as a duplex pipe: frames in become bytes on <c>Input</c>; bytes written to <c>Output</c> go out as text frames.</summary>
    private sealed class WebSocketConnection : ConnectionContext
    {
        private readonly WebSocket _socket;
        private readonly Pipe _incoming = new();
        private readonly Pipe _outgoing = new();
        private readonly CancellationTokenSource _closed = new();
        private Task _running = Task.CompletedTask;

        public WebSocketConnection(WebSocket socket, EndPoint remote)
        {
            _socket = socket;
            RemoteEndPoint = remote;
            Transport = new DuplexPipe(_incoming.Reader, _outgoing.Writer);
        }

        public override string ConnectionId { get; set; } = Guid.NewGuid().ToString("N");
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();
        public override IDuplexPipe Transport { get; set; }
        public override CancellationToken ConnectionClosed { get => _closed.Token; set { } }

        public void Start() => _running = Task.WhenAll(ReceiveAsync(), SendAsync());

        private async Task ReceiveAsync()
        {
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var memory = _incoming.Writer.GetMemory(4096);
                    var result = await _socket.ReceiveAsync(memory, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close) break;
                    _incoming.Writer.Advance(result.Count);
                    if (result.EndOfMessage && (await _incoming.Writer.FlushAsync()).IsCompleted) break;
                }
                await _incoming.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await _incoming.Writer.CompleteAsync(e);
            }
            finally
            {
                _closed.Cancel();
            }
        }

        private async Task SendAsync()
        {
            try
            {
                while (true)
                {
                    var result = await _outgoing.Reader.ReadAsync();
                    foreach (var segment in result.Buffer)
                    {
                        await _socket.SendAsync(segment, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    }
                    _outgoing.Reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted || result.IsCanceled) break;
                }
                if (_socket.State == WebSocketState.Open)
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await _outgoing.Reader.CompleteAsync();
            }
            catch (Exception e)
            {
                await _outgoing.Reader.CompleteAsync(e);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await _outgoing.Writer.CompleteAsync();
            await _incoming.Reader.CompleteAsync();
            _closed.Cancel();
            try
            {
                await _running.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                _socket.Abort();
            }
            _socket.Dispose();
        }

        private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
        {
            public PipeReader Input { get; } = input;
            public PipeWriter Output { get; } = output;
        }
    }
}
