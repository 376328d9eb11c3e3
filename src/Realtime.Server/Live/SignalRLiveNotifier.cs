using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Realtime.Domain.Complaints;
using Realtime.Grains.Live;
using Realtime.Server.Api;

namespace Realtime.Server.Live;

/// <summary>
/// The host-side end of <see cref="ILiveNotifier"/> (as in Orleans' GPSTracker sample): grains publish into the
/// <see cref="LiveFeed"/> and return; each connection has its own sender that reads the feed at the pace the client
/// reads, so a slow or stalled dashboard delays nobody else and costs at most its scopes' bounded backlog. A message is
/// serialised once, however many connections receive it.
/// </summary>
public sealed partial class SignalRLiveNotifier(
    IHubContext<LiveHub> hub, IOptions<LiveOptions> options, IOptions<JsonHubProtocolOptions> json, ILogger<SignalRLiveNotifier> log)
    : IHostedService, ILiveNotifier
{
    /// <summary>The hub method that tells a client it fell behind and must reload its state over REST.</summary>
    public const string ResyncMethod = "resync";

    // Never disposed: nothing is linked to it but the senders' own sources, and a late StopAsync must still find it.
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The connections' reading positions and the scopes' recent messages.</summary>
    public LiveFeed Feed { get; } = new(options.Value, TimeProvider.System);

    /// <inheritdoc />
    public void Publish(LiveMessage message)
    {
        // Serialised here, once, in the publishing grain's turn: what waits in the logs is then one byte array per push
        // instead of the payload's object graph (a complaint view is dozens of objects), which a backlog of a busy floor
        // otherwise carried into older GC generations. Nothing is serialised for scopes nobody follows.
        if (!Feed.IsFollowed(message.Scopes)) return;
        SerializedPayload payload;
        try
        {
            payload = Serialize(message.Payload);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            // A push that cannot be written must not fail the grain turn that published it.
            LogSendFailed(e, message.Method);
            return;
        }
        Feed.Publish(message with { Payload = payload });
    }

    /// <summary>Makes <paramref name="connectionId"/> receive the messages of <paramref name="scope"/> from now on.</summary>
    public void Subscribe(string connectionId, string scope)
    {
        var (subscriber, isNew) = Feed.Subscribe(connectionId, scope);
        if (isNew) _ = Task.Run(() => SendAsync(subscriber));
    }

    /// <summary>Stops sending <paramref name="scope"/> to <paramref name="connectionId"/>.</summary>
    public void Unsubscribe(string connectionId, string scope) => Feed.Unsubscribe(connectionId, scope);

    /// <summary>Forgets a connection that has gone.</summary>
    public void Disconnect(string connectionId) => Feed.Disconnect(connectionId);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    /// <summary>One connection's sender: takes what the feed has for it and sends it, one message at a time.</summary>
    private async Task SendAsync(LiveSubscriber subscriber)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(subscriber.Closed, _stopping.Token);
        var client = hub.Clients.Client(subscriber.ConnectionId);
        var batch = new List<LivePush>(LiveFeed.MaxBatch);
        try
        {
            while (true)
            {
                batch.Clear();
                var next = Feed.Take(subscriber, batch);
                switch (next.Kind)
                {
                    case LiveTakeKind.Closed:
                        return;
                    case LiveTakeKind.Wait when next.AtMost is { } atMost:
                        await Task.WhenAny(next.Until!, Task.Delay(atMost, stop.Token));
                        break;
                    case LiveTakeKind.Wait:
                        await next.Until!.WaitAsync(stop.Token);
                        break;
                    case LiveTakeKind.Resync:
                        LogResync(subscriber.ConnectionId, next.Missed);
                        await client.SendAsync(ResyncMethod, new { missed = next.Missed }, stop.Token);
                        break;
                    default:
                        foreach (var push in batch) await SendAsync(client, push, stop.Token);
                        break;
                }
                stop.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogSenderFailed(e, subscriber.ConnectionId);
            Feed.Disconnect(subscriber.ConnectionId);
        }
    }

    private async Task SendAsync(ISingleClientProxy client, LivePush push, CancellationToken cancellationToken)
    {
        try
        {
            await client.SendAsync(push.Message.Method, push.Message.Payload, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(e, push.Message.Method);
        }
    }

    /// <summary>The payload as JSON, written as is into every connection's hub message.</summary>
    private SerializedPayload Serialize(object payload)
    {
        var wire = payload is ComplaintView view ? ComplaintResource.From(view) : payload;
        return new SerializedPayload(JsonSerializer.SerializeToUtf8Bytes(wire, wire.GetType(), json.Value.PayloadSerializerOptions));
    }

    [LoggerMessage(LogLevel.Warning, "Push of {Method} failed")]
    private partial void LogSendFailed(Exception error, string method);

    [LoggerMessage(LogLevel.Error, "The live sender of connection {ConnectionId} failed; the connection gets no more pushes")]
    private partial void LogSenderFailed(Exception error, string connectionId);

    [LoggerMessage(LogLevel.Information, "Connection {ConnectionId} fell {Missed} messages behind; told to reload")]
    private partial void LogResync(string connectionId, long missed);
}

/// <summary>A hub payload already serialised to JSON: written into the hub message as it is.</summary>
[JsonConverter(typeof(SerializedPayloadConverter))]
internal sealed record SerializedPayload(byte[] Utf8Json);

/// <summary>Writes a <see cref="SerializedPayload"/> raw; never read (clients receive plain JSON).</summary>
internal sealed class SerializedPayloadConverter : JsonConverter<SerializedPayload>
{
    /// <inheritdoc />
    public override SerializedPayload Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Serialised payloads are only written.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SerializedPayload value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8Json, skipInputValidation: true);
}
