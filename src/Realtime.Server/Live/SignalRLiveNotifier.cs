using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Realtime.Domain.Complaints;
using Realtime.Grains.Live;
using Realtime.Server.Api;

namespace Realtime.Server.Live;

/// <summary>
/// The host-side end of <see cref="ILiveNotifier"/> (as in Orleans' GPSTracker sample): grains queue messages here and
/// return; one loop sends events (warnings, breaches, escalations) the moment they arrive, in order; state messages
/// (a complaint, a score) are coalesced by key and flushed every <see cref="StateFlushInterval"/>, so a burst of
/// changes to one complaint costs one push that carries its latest state.
/// </summary>
public sealed partial class SignalRLiveNotifier(IHubContext<LiveHub> hub, ILogger<SignalRLiveNotifier> log) : BackgroundService, ILiveNotifier
{
    /// <summary>How often coalesced state messages are sent.</summary>
    public static readonly TimeSpan StateFlushInterval = TimeSpan.FromMilliseconds(100);

    private readonly Channel<LiveMessage> _events = Channel.CreateUnbounded<LiveMessage>();
    private readonly object _gate = new();
    private Dictionary<string, LiveMessage> _state = [];
    private int _flushing;

    /// <summary>State messages waiting to be sent: coalesced and not yet taken, plus the rest of the batch being sent.</summary>
    public int PendingStates
    {
        get
        {
            lock (_gate) return _state.Count + Volatile.Read(ref _flushing);
        }
    }

    /// <summary>Events (warnings, breaches, escalations) waiting to be sent.</summary>
    public int PendingEvents => _events.Reader.Count;

    /// <inheritdoc />
    public void Publish(LiveMessage message)
    {
        if (message.CoalesceKey is null)
        {
            _events.Writer.TryWrite(message);
            return;
        }
        lock (_gate) _state[message.CoalesceKey] = message;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendEventsAsync(stoppingToken), FlushStateAsync(stoppingToken));

    private async Task SendEventsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _events.Reader.ReadAllAsync(stoppingToken)) await SendAsync(message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FlushStateAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StateFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Dictionary<string, LiveMessage> batch;
                lock (_gate)
                {
                    if (_state.Count == 0) continue;
                    batch = _state;
                    _state = [];
                }
                Volatile.Write(ref _flushing, batch.Count);
                foreach (var message in batch.Values)
                {
                    await SendAsync(message);
                    Interlocked.Decrement(ref _flushing);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(LiveMessage message)
    {
        try
        {
            var payload = message.Payload is ComplaintView view ? ComplaintResource.From(view) : message.Payload;
            await hub.Clients.Groups(message.Scopes).SendAsync(message.Method, payload);
        }
        catch (Exception e)
        {
            LogSendFailed(e, message.Method);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Push of {Method} failed")]
    private partial void LogSendFailed(Exception error, string method);
}
