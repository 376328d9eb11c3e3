using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Realtime.LoadTest;

/// <summary>
/// A dashboard client subscribed to <c>floor</c> over a real WebSocket (<see cref="LiveConnection"/>). It hands every
/// <c>slaBreached</c> to <see cref="OnBreach"/> with its arrival instant, taken first thing in the handler; other
/// messages are counted and dropped, as a wall board that is not drawing would.
/// </summary>
public sealed class FloorSubscriber : IAsyncDisposable
{
    private readonly Uri _server;
    private HubConnection _connection = null!;
    private volatile bool _disposed;
    private long _otherMessages;
    private long _resyncs;
    private long _missed;
    private long _reconnects;
    // 1 while a reconnect loop runs: a connection dropped during the loop's own attempt is retried by that loop, not a second one.
    private int _reconnecting;

    private readonly string? _accessToken;

    private FloorSubscriber(Uri server, string? accessToken) => (_server, _accessToken) = (server, accessToken);

    /// <summary>Called for every slaBreached: the payload and the arrival instant (wall clock, UTC).</summary>
    public Action<JsonElement, DateTimeOffset>? OnBreach { get; set; }

    /// <summary>Why the connection last closed with an error (null while it never did).</summary>
    public string? ClosedWith { get; private set; }

    /// <summary>Messages other than slaBreached received so far.</summary>
    public long OtherMessages => Interlocked.Read(ref _otherMessages);

    /// <summary>Times the server said this client fell behind (<c>resync</c>), and the messages it dropped for it.</summary>
    public (long Resyncs, long Missed) FellBehind => (Interlocked.Read(ref _resyncs), Interlocked.Read(ref _missed));

    /// <summary>
    /// Times the connection was lost and opened again. A board reconnects (the JS client's automatic reconnect) and
    /// reloads; pushes sent while it was away are not replayed, so the breaches among them count as missing.
    /// </summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Connects to <paramref name="server"/> (signed in with <paramref name="accessToken"/>) and subscribes to the floor.</summary>
    public static async Task<FloorSubscriber> ConnectAsync(Uri server, string? accessToken, CancellationToken cancellationToken = default)
    {
        var subscriber = new FloorSubscriber(server, accessToken);
        await subscriber.OpenAsync(cancellationToken);
        return subscriber;
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_server, "hubs/live"), o =>
            {
                (o.Transports, o.SkipNegotiation) = (HttpTransportType.WebSockets, true);
                o.AccessTokenProvider = () => Task.FromResult(_accessToken);
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        connection.On<JsonElement>("slaBreached", payload =>
        {
            var arrived = DateTimeOffset.UtcNow;
            OnBreach?.Invoke(payload, arrived);
        });
        foreach (var method in new[] { "slaWarning", "escalated", "complaintChanged", "scoreChanged", "kpiChanged" })
            connection.On<JsonElement>(method, _ => Interlocked.Increment(ref _otherMessages));
        // A board would reload here; the harness only counts, so breaches dropped for it show as missing, with this as the cause.
        connection.On<JsonElement>("resync", payload =>
        {
            Interlocked.Increment(ref _resyncs);
            Interlocked.Add(ref _missed, payload.GetProperty("missed").GetInt64());
        });
        connection.Closed += error =>
        {
            // A close we asked for carries no error; anything else loses pushes and must show in the output.
            if (error is null || _disposed) return Task.CompletedTask;
            ClosedWith = error.Message;
            Console.WriteLine($"  (a floor subscriber's connection failed: {error.Message}; reconnecting)");
            if (Interlocked.Exchange(ref _reconnecting, 1) == 0) _ = ReconnectAsync();
            return Task.CompletedTask;
        };
        _connection = connection;
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("Subscribe", "floor", cancellationToken);
    }

    private async Task ReconnectAsync()
    {
        Interlocked.Increment(ref _reconnects);
        try
        {
            for (var attempt = 0; !_disposed && attempt < 100; attempt++)
            {
                await _connection.DisposeAsync();
                try
                {
                    await OpenAsync(CancellationToken.None);
                    if (_connection.State == HubConnectionState.Connected) return;
                }
                catch (Exception e)
                {
                    Console.WriteLine($"  (reconnecting the floor subscriber failed: {e.Message})");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
        }
        // A drop between the last attempt and the line above found the loop still running: look once more.
        if (!_disposed && _connection.State != HubConnectionState.Connected && Interlocked.Exchange(ref _reconnecting, 1) == 0) _ = ReconnectAsync();
    }

    /// <summary>Keeps trying to connect until the server listens (during its start-up), for at most <paramref name="timeout"/>.</summary>
    public static async Task<FloorSubscriber> ConnectWhenListeningAsync(Uri server, string? accessToken, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await ConnectAsync(server, accessToken);
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(10);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return _connection.DisposeAsync();
    }
}
