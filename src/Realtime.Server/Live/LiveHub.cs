using Microsoft.AspNetCore.SignalR;
using Realtime.Grains.Live;

namespace Realtime.Server.Live;

/// <summary>The live hub (<c>/hubs/live</c>): clients subscribe to <c>floor</c>, <c>team:{teamId}</c> or <c>agent:{agentId}</c>.</summary>
public sealed class LiveHub : Hub
{
    /// <summary>Starts receiving the pushes of <paramref name="scope"/>.</summary>
    public Task Subscribe(string scope)
    {
        if (!LiveScopes.IsValid(scope)) throw new HubException($"Unknown scope '{scope}': use floor, team:{{teamId}} or agent:{{agentId}}.");
        return Groups.AddToGroupAsync(Context.ConnectionId, scope);
    }

    /// <summary>Stops receiving the pushes of <paramref name="scope"/>.</summary>
    public Task Unsubscribe(string scope) => Groups.RemoveFromGroupAsync(Context.ConnectionId, scope);
}
