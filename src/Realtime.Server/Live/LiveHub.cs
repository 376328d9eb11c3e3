using Microsoft.AspNetCore.SignalR;
using Realtime.Grains.Live;
using Realtime.Server.Auth;

namespace Realtime.Server.Live;

/// <summary>
/// The live hub (<c>/hubs/live</c>): clients subscribe to <c>floor</c>, <c>team:{teamId}</c> or <c>agent:{agentId}</c>, each
/// within what their roles may see (<see cref="AccessRules"/>), at most <see cref="MaxScopes"/> per connection.
/// </summary>
public sealed partial class LiveHub(SignalRLiveNotifier notifier, AccessRules rules, ILogger<LiveHub> log) : Hub
{
    /// <summary>Most scopes one connection may follow at once.</summary>
    public const int MaxScopes = 64;

    private const string ScopesKey = "scopes";
    private const string RefusalLoggedKey = "refusal-logged";

    /// <summary>Starts receiving the pushes of <paramref name="scope"/> (again subscribing to a scope changes nothing).</summary>
    public async Task Subscribe(string scope)
    {
        if (!LiveScopes.IsValid(scope)) throw new HubException($"Unknown scope '{scope}': use floor, team:{{teamId}} or agent:{{agentId}}.");
        // Invocations of one connection run one at a time (SignalR's default), so its set needs no lock.
        if (!Context.Items.TryGetValue(ScopesKey, out var held) || held is not HashSet<string> scopes)
            Context.Items[ScopesKey] = scopes = new HashSet<string>(StringComparer.Ordinal);
        if (!scopes.Contains(scope) && scopes.Count >= MaxScopes)
            throw new HubException($"A connection may follow at most {MaxScopes} scopes; unsubscribe from one first.");
        if (!await rules.MaySubscribeAsync(Context.User ?? new System.Security.Claims.ClaimsPrincipal(), scope))
        {
            // Once per connection: a client retrying a refused scope in a loop cannot flood the log.
            if (Context.Items.TryAdd(RefusalLoggedKey, true)) LogRefused(log, Context.UserIdentifier ?? Context.User?.Identity?.Name ?? "?", scope);
            throw new HubException($"Subscribe('{scope}') is outside what you may see: agents follow agent:{{their id}}, supervisors team:{{their teams}} and their agents, managers everything.");
        }
        scopes.Add(scope);
        notifier.Subscribe(Context.ConnectionId, scope);
    }

    /// <summary>Stops receiving the pushes of <paramref name="scope"/>.</summary>
    public void Unsubscribe(string scope)
    {
        if (Context.Items.TryGetValue(ScopesKey, out var held) && held is HashSet<string> scopes) scopes.Remove(scope);
        notifier.Unsubscribe(Context.ConnectionId, scope);
    }

    [LoggerMessage(LogLevel.Information, "Live: {User} was refused Subscribe('{Scope}') (outside their roles); further refusals on this connection are not logged")]
    private static partial void LogRefused(ILogger log, string user, string scope);

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        notifier.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
