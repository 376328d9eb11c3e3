using System.Collections.Concurrent;

namespace Realtime.Grains.Live;

/// <summary>The subscription scopes of the live hub: the whole floor, one team, one agent.</summary>
public static class LiveScopes
{
    private const int MaxCachedScopes = 100_000;
    private static readonly ConcurrentDictionary<(string Team, string Agent), string[]> s_scopes = new();
    private static int s_scopeCount;

    /// <summary>Everything on the floor.</summary>
    public const string Floor = "floor";

    /// <summary>The scope of one team.</summary>
    public static string Team(string teamId) => "team:" + teamId;

    /// <summary>The scope of one agent.</summary>
    public static string Agent(string agentId) => "agent:" + agentId;

    /// <summary>Whether <paramref name="scope"/> is a well-formed scope (<c>floor</c>, <c>team:{id}</c>, <c>agent:{id}</c>).</summary>
    public static bool IsValid(string? scope) =>
        scope == Floor
        || (scope?.StartsWith("team:", StringComparison.Ordinal) == true && scope.Length > 5 && scope.Length <= 133)
        || (scope?.StartsWith("agent:", StringComparison.Ordinal) == true && scope.Length > 6 && scope.Length <= 134);

    /// <summary>Floor, the team (when known) and the agent (when known): where warnings and breaches go.</summary>
    public static IReadOnlyList<string> For(string? teamId, string? agentId)
    {
        // Every firing publishes to these scopes at least twice; a floor has a few thousand agents, so the lists are kept
        // (immutable arrays) instead of three strings and a list per push. Past the bound they are built each time.
        var key = (teamId ?? "", agentId ?? "");
        if (s_scopes.TryGetValue(key, out var scopes)) return scopes;
        scopes = Build(teamId, agentId);
        if (Volatile.Read(ref s_scopeCount) < MaxCachedScopes && s_scopes.TryAdd(key, scopes)) Interlocked.Increment(ref s_scopeCount);
        return scopes;
    }

    private static string[] Build(string? teamId, string? agentId) => (string.IsNullOrEmpty(teamId), string.IsNullOrEmpty(agentId)) switch
    {
        (true, true) => [Floor],
        (false, true) => [Floor, Team(teamId!)],
        (true, false) => [Floor, Agent(agentId!)],
        _ => [Floor, Team(teamId!), Agent(agentId!)],
    };
}
