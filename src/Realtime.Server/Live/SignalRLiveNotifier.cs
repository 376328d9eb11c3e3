using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using Realtime.Domain.Complaints;
using Realtime.Grains.Cluster;
using Realtime.Grains.Live;
using Realtime.Server.Api;

namespace Realtime.Server.Live;

/// <summary>
/// The host-side end of <see cref="ILiveNotifier"/> (as in Orleans' GPSTracker sample): grains publish into the
/// <see cref="LiveFeed"/> and return; each connection has its own sender that reads the feed at the pace the client
/// reads, so a slow or stalled dashboard delays nobody else and costs at most its scopes' bounded backlog. A message is
/// serialised once, as the hub invocation every connection receives, and what a connection has waiting goes out in one
/// write.
/// </summary>
public sealed partial class SignalRLiveNotifier(
    LiveConnections connections, IOptions<LiveOptions> options, IOptions<JsonHubProtocolOptions> json, ClusterFanOut cluster, RecentAlerts recent,
    ILogger<SignalRLiveNotifier> log)
    : IHostedService, ILiveNotifier, IRelayedPushSink
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
        // otherwise carried into older generations; and every connection sends those bytes as they are. Nothing but an
        // alert is serialised for scopes nobody follows.
        // Other silos' connections may follow what nobody here does: with other silos up, every push is written once and sent on.
        var followedHere = Feed.IsFollowed(message.Scopes);
        // Alerts are kept for boards opened later even when nobody follows their scopes now.
        var isAlert = RecentAlerts.KindOf(message.Method) is not null;
        if (!followedHere && !cluster.HasRemoteSilos && !isAlert) return;
        HubInvocation invocation;
        try
        {
            invocation = Serialize(message.Method, message.Payload);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            // A push that cannot be written must not fail the grain turn that published it.
            LogSendFailed(e, message.Method);
            return;
        }
        if (isAlert) recent.Record(message.Method, invocation.Utf8, message.Scopes);
        if (followedHere) Feed.Publish(message with { Payload = invocation });
        if (cluster.HasRemoteSilos) cluster.Forward(RelayedChange.OfPush(new RelayedPush(message.Method, invocation.Utf8, message.Scopes, message.CoalesceKey)));
    }

    /// <inheritdoc />
    public void Deliver(RelayedPush push)
    {
        // Every server keeps the cluster's alerts, so a board reloading on any of them gets the same ticker.
        recent.Record(push.Method, push.Message, push.Scopes);
        if (!Feed.IsFollowed(push.Scopes)) return;
        Feed.Publish(new LiveMessage(push.Method, HubInvocation.FromUtf8(push.Message), push.Scopes, push.CoalesceKey));
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

    /// <summary>
    /// One connection's sender: takes what the feed has for it and writes it to the connection, each batch in one write
    /// (SignalR's protocol lets a frame carry several messages; a flush and a frame per push cost a busy server ~100 µs
    /// of wall time each, more than one connection's share of a breach storm).
    /// </summary>
    private async Task SendAsync(LiveSubscriber subscriber)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(subscriber.Closed, _stopping.Token);
        var batch = new List<LivePush>(LiveFeed.MaxBatch);
        try
        {
            // Subscribe is a hub call, so its connection is connected; one that has gone since is forgotten.
            if (!connections.TryGet(subscriber.ConnectionId, out var connection))
            {
                Feed.Disconnect(subscriber.ConnectionId);
                return;
            }
            // Pushes are written as JSON invocations, the only protocol the hub offers.
            if (connection.Protocol.Name != HubInvocation.ProtocolName)
                throw new NotSupportedException($"The live feed writes the '{HubInvocation.ProtocolName}' hub protocol; the connection uses '{connection.Protocol.Name}'.");
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
                        await WriteAsync(connection, Serialize(ResyncMethod, new { missed = next.Missed }).Utf8, stop.Token);
                        break;
                    default:
                        await WriteBatchAsync(connection, batch, stop.Token);
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

    /// <summary>Writes the batch's invocations back to back, as one frame carries them.</summary>
    private static async ValueTask WriteBatchAsync(HubConnectionContext connection, List<LivePush> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 1)
        {
            await WriteAsync(connection, Invocation(batch[0]).Utf8, cancellationToken);
            return;
        }
        var length = 0;
        foreach (var push in batch) length += Invocation(push).Utf8.Length;
        // Pooled: the write has copied the bytes into the connection's pipe by the time it completes.
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = 0;
            foreach (var push in batch)
            {
                var bytes = Invocation(push).Utf8;
                bytes.CopyTo(frame, at);
                at += bytes.Length;
            }
            await WriteAsync(connection, frame.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private static HubInvocation Invocation(LivePush push) =>
        push.Message.Payload as HubInvocation
        ?? throw new InvalidOperationException($"A push of {push.Message.Method} reached a sender unserialised.");

    private static ValueTask WriteAsync(HubConnectionContext connection, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken) =>
        // A connection that has gone is aborted by the write itself and logged by SignalR; the feed then forgets it.
        connection.WriteAsync(new SerializedHubMessage([new SerializedMessage(HubInvocation.ProtocolName, frame)]), cancellationToken);

    /// <summary><paramref name="method"/> with <paramref name="payload"/> as the JSON hub protocol's invocation message.</summary>
    private HubInvocation Serialize(string method, object payload)
    {
        var wire = payload is ComplaintView view ? ComplaintResource.From(view) : payload;
        return HubInvocation.Write(method, wire, json.Value.PayloadSerializerOptions);
    }

    [LoggerMessage(LogLevel.Warning, "Push of {Method} failed")]
    private partial void LogSendFailed(Exception error, string method);

    [LoggerMessage(LogLevel.Error, "The live sender of connection {ConnectionId} failed; the connection gets no more pushes")]
    private partial void LogSenderFailed(Exception error, string connectionId);

    [LoggerMessage(LogLevel.Information, "Connection {ConnectionId} fell {Missed} messages behind; told to reload")]
    private partial void LogResync(string connectionId, long missed);
}

/// <summary>
/// One push as the JSON hub protocol's invocation message (<c>{"type":1,"target":…,"arguments":[…]}</c> and its record
/// separator), the bytes every connection following its scopes receives.
/// </summary>
internal sealed class HubInvocation
{
    /// <summary>The name of SignalR's JSON hub protocol.</summary>
    public const string ProtocolName = "json";

    private const byte RecordSeparator = 0x1e;

    // One buffer and writer per publishing thread: pushes are written from grain turns on the thread pool, thousands a
    // second in a breach storm.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private HubInvocation(byte[] utf8) => Utf8 = utf8;

    /// <summary>The message's bytes, record separator included.</summary>
    public byte[] Utf8 { get; }

    /// <summary>An invocation another silo wrote.</summary>
    public static HubInvocation FromUtf8(byte[] utf8) => new(utf8);

    /// <summary>Writes the invocation of <paramref name="method"/> with <paramref name="payload"/> as its one argument.</summary>
    public static HubInvocation Write(string method, object payload, JsonSerializerOptions options)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        // The hub has one payload setting; the writer takes its escaping from it as the serializer's own writer would.
        var writer = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder });
        // Reset also clears whatever a payload that failed to serialise left half written.
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteNumber("type", HubProtocolConstants.InvocationMessageType);
        writer.WriteString("target", method);
        writer.WriteStartArray("arguments");
        JsonSerializer.Serialize(writer, payload, payload.GetType(), options);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        buffer.Write([RecordSeparator]);
        return new HubInvocation(buffer.WrittenSpan.ToArray());
    }
}
