namespace Realtime.Grains.Live;

/// <summary>The subscription scopes of the live hub: the whole floor, one team, one agent.</summary>
public static class LiveScopes
{
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
        var scopes = new List<string>(3) { Floor };
        if (!string.IsNullOrEmpty(teamId)) scopes.Add(Team(teamId));
        if (!string.IsNullOrEmpty(agentId)) scopes.Add(Agent(agentId));
        return scopes;
    }
}
