using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Client;

namespace Realtime.LoadTest;

/// <summary>
/// A dashboard client subscribed to <c>floor</c> over a real WebSocket (<see cref="LiveConnection"/>). It hands every
/// <c>slaBreached</c> to <see cref="OnBreach"/> with its arrival instant, taken first thing in the handler; other
/// messages are counted and dropped, as a wall board that is not drawing would.
/// </summary>
public sealed class FloorSubscriber : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _otherMessages;
    private long _resyncs;
    private long _missed;

    private FloorSubscriber(HubConnection connection) => _connection = connection;

    /// <summary>Called for every slaBreached: the payload and the arrival instant (wall clock, UTC).</summary>
    public Action<JsonElement, DateTimeOffset>? OnBreach { get; set; }

    /// <summary>Why the connection closed (null while it is open).</summary>
    public string? ClosedWith { get; private set; }

    /// <summary>Messages other than slaBreached received so far.</summary>
    public long OtherMessages => Interlocked.Read(ref _otherMessages);

    /// <summary>Times the server said this client fell behind (<c>resync</c>), and the messages it dropped for it.</summary>
    public (long Resyncs, long Missed) FellBehind => (Interlocked.Read(ref _resyncs), Interlocked.Read(ref _missed));

    /// <summary>Connects to <paramref name="server"/> and subscribes to the floor.</summary>
    public static async Task<FloorSubscriber> ConnectAsync(Uri server, CancellationToken cancellationToken = default)
    {
        var connection = LiveConnection.Create(server);
        connection.ServerTimeout = TimeSpan.FromMinutes(5);
        var subscriber = new FloorSubscriber(connection);
        connection.On<JsonElement>("slaBreached", payload =>
        {
            var arrived = DateTimeOffset.UtcNow;
            subscriber.OnBreach?.Invoke(payload, arrived);
        });
        foreach (var method in new[] { "slaWarning", "escalated", "complaintChanged", "scoreChanged", "kpiChanged" })
            connection.On<JsonElement>(method, _ => Interlocked.Increment(ref subscriber._otherMessages));
        // A board would reload here; the harness only counts, so breaches dropped for it show as missing, with this as the cause.
        connection.On<JsonElement>("resync", payload =>
        {
            Interlocked.Increment(ref subscriber._resyncs);
            Interlocked.Add(ref subscriber._missed, payload.GetProperty("missed").GetInt64());
        });
        connection.Closed += error =>
        {
            subscriber.ClosedWith = error?.Message ?? "closed";
            // A close we asked for carries no error; anything else loses pushes and must show in the output.
            if (error is not null) Console.WriteLine($"  (a floor subscriber's connection failed: {error.Message})");
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("Subscribe", "floor", cancellationToken);
        return subscriber;
    }

    /// <summary>Keeps trying to connect until the server listens (during its start-up), for at most <paramref name="timeout"/>.</summary>
    public static async Task<FloorSubscriber> ConnectWhenListeningAsync(Uri server, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return await ConnectAsync(server);
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(10);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
