using Microsoft.AspNetCore.SignalR;
using Realtime.Grains.Live;

namespace Realtime.Server.Live;

/// <summary>The live hub (<c>/hubs/live</c>): clients subscribe to <c>floor</c>, <c>team:{teamId}</c> or <c>agent:{agentId}</c>.</summary>
public sealed class LiveHub(SignalRLiveNotifier notifier) : Hub
{
    /// <summary>Starts receiving the pushes of <paramref name="scope"/> (again subscribing to a scope changes nothing).</summary>
    public void Subscribe(string scope)
    {
        if (!LiveScopes.IsValid(scope)) throw new HubException($"Unknown scope '{scope}': use floor, team:{{teamId}} or agent:{{agentId}}.");
        notifier.Subscribe(Context.ConnectionId, scope);
    }

    /// <summary>Stops receiving the pushes of <paramref name="scope"/>.</summary>
    public void Unsubscribe(string scope) => notifier.Unsubscribe(Context.ConnectionId, scope);

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        notifier.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
