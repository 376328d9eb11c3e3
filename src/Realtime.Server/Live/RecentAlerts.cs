using System.Collections.Concurrent;
using System.Text.Json;
using Realtime.Grains.Live;

namespace Realtime.Server.Live;

/// <summary>
/// The last warnings, breaches and escalations of each live scope (the floor, each team, each agent), so a board opened
/// mid-shift shows the last minutes in its ticker at once instead of waiting for the next alert. Fed by
/// <see cref="SignalRLiveNotifier"/> with every push of this server and every push relayed from the others, whether or
/// not anybody follows the scope, so every server of a cluster holds the same alerts. At most
/// <see cref="LiveOptions.RecentAlertsPerScope"/> per scope and <see cref="MaxScopes"/> scopes; an alert pushed to
/// several scopes is held once in memory.
/// </summary>
public sealed class RecentAlerts(int perScope, TimeProvider time)
{
    /// <summary>The kind of an <c>slaWarning</c>.</summary>
    public const string Warning = "warning";

    /// <summary>The kind of an <c>slaBreached</c>.</summary>
    public const string Breached = "breached";

    /// <summary>The kind of an <c>escalated</c>.</summary>
    public const string Escalated = "escalated";

    /// <summary>The most scopes alerts are kept for: far more agents than a floor has, a bound against runaway ids.</summary>
    public const int MaxScopes = 100_000;

    private readonly ConcurrentDictionary<string, AlertRing> _rings = new(StringComparer.Ordinal);
    private int _scopeCount;

    /// <summary>The kind the dashboards give an alert pushed as <paramref name="method"/>; null for any other push.</summary>
    public static string? KindOf(string method) => method switch
    {
        LiveMethods.SlaWarning => Warning,
        LiveMethods.SlaBreached => Breached,
        LiveMethods.Escalated => Escalated,
        _ => null,
    };

    /// <summary>
    /// Keeps the push of <paramref name="method"/> (the hub invocation's bytes, <paramref name="invocation"/>) for
    /// <paramref name="scopes"/> when it is an alert; anything else is ignored.
    /// </summary>
    public void Record(string method, byte[] invocation, IReadOnlyList<string> scopes)
    {
        if (KindOf(method) is not { } kind) return;
        ReadOnlyMemory<byte> payload;
        AlertKey key;
        try
        {
            // A copy of the payload alone: the ring would otherwise keep the whole invocation around it.
            payload = PayloadOf(invocation).ToArray();
            key = AlertKey.Read(kind, payload.Span);
        }
        catch (JsonException)
        {
            // Written by a server of this cluster, so never expected; a ticker's history is not worth failing a push for.
            return;
        }
        var alert = new RecentAlert(kind, time.GetUtcNow(), payload);
        foreach (var scope in scopes)
        {
            if (RingOf(scope, create: true) is { } ring) ring.Add(key, alert);
        }
    }

    /// <summary>The newest <paramref name="limit"/> alerts of <paramref name="scope"/>, newest first.</summary>
    public IReadOnlyList<RecentAlert> Newest(string scope, int limit) => RingOf(scope, create: false)?.Newest(limit) ?? [];

    private AlertRing? RingOf(string scope, bool create)
    {
        if (_rings.TryGetValue(scope, out var ring) || !create) return ring;
        if (Volatile.Read(ref _scopeCount) >= MaxScopes) return null;
        var created = new AlertRing(perScope);
        if (!_rings.TryAdd(scope, created)) return _rings[scope];
        Interlocked.Increment(ref _scopeCount);
        return created;
    }

    /// <summary>
    /// The one argument of a hub invocation (<c>{"type":1,"target":…,"arguments":[payload]}</c> and its record separator),
    /// as a slice of its bytes: the payload exactly as boards received it.
    /// </summary>
    private static ReadOnlyMemory<byte> PayloadOf(byte[] invocation)
    {
        var json = invocation.AsSpan(0, invocation.Length > 0 && invocation[^1] == 0x1e ? invocation.Length - 1 : invocation.Length);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isArguments = reader.ValueTextEquals("arguments"u8);
            reader.Read();
            if (isArguments && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return invocation.AsMemory(start, (int)reader.BytesConsumed - start);
            }
            reader.Skip();
        }
        throw new JsonException("The invocation has no object argument.");
    }
}
