using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;

namespace Realtime.Server.Live;

/// <summary>
/// SignalR's own lifetime manager for <see cref="LiveHub"/>, which also keeps each connected client's
/// <see cref="HubConnectionContext"/> by connection id. The live senders write to a connection through it: several pushes
/// in one write (one flush, one WebSocket frame) instead of one hub invocation, flush and frame per push, which on a
/// busy floor was the cost a single connection could not keep up with.
/// </summary>
public sealed class LiveConnections(ILogger<DefaultHubLifetimeManager<LiveHub>> logger) : DefaultHubLifetimeManager<LiveHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _connections = new(StringComparer.Ordinal);

    /// <summary>The connection <paramref name="connectionId"/>, while it is connected.</summary>
    public bool TryGet(string connectionId, [NotNullWhen(true)] out HubConnectionContext? connection) =>
        _connections.TryGetValue(connectionId, out connection);

    /// <inheritdoc />
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        _connections[connection.ConnectionId] = connection;
        return base.OnConnectedAsync(connection);
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _connections.TryRemove(connection.ConnectionId, out _);
        return base.OnDisconnectedAsync(connection);
    }
}
