using System.Security.Claims;
using Realtime.Grains.Complaints;
using Realtime.Grains.Live;
using Realtime.Grains.Teams;

namespace Realtime.Server.Auth;

/// <summary>
/// Who may see what (domain.md, Compliance): a manager everything; a supervisor the teams of their <c>team_id</c> claims,
/// those teams' agents and complaints; an agent their own complaints, scorecard and feed. The same rules answer REST reads
/// (<see cref="ScopeFilter"/>) and hub subscriptions.
/// </summary>
public sealed class AccessRules(IGrainFactory grains)
{
    /// <summary>Whether <paramref name="user"/> sees the whole floor.</summary>
    public static bool SeesEverything(ClaimsPrincipal user) => user.IsInRole(Roles.Manager);

    /// <summary>The teams <paramref name="user"/> supervises (none unless the role is supervisor).</summary>
    public static IReadOnlyList<string> SupervisedTeams(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) ? [.. user.FindAll(Roles.TeamIdClaim).Select(c => c.Value)] : [];

    /// <summary>The agent <paramref name="user"/> is (null unless the role is agent).</summary>
    public static string? OwnAgent(ClaimsPrincipal user) => user.IsInRole(Roles.Agent) ? user.FindFirst(Roles.AgentIdClaim)?.Value : null;

    /// <summary>Whether <paramref name="user"/> may read team <paramref name="teamId"/>.</summary>
    public static bool MayReadTeam(ClaimsPrincipal user, string teamId) => SeesEverything(user) || SupervisedTeams(user).Contains(teamId);

    /// <summary>Whether <paramref name="user"/> may read agent <paramref name="agentId"/> (their own, or one of their teams').</summary>
    public async Task<bool> MayReadAgentAsync(ClaimsPrincipal user, string agentId)
    {
        if (SeesEverything(user) || OwnAgent(user) == agentId) return true;
        foreach (var team in SupervisedTeams(user))
        {
            if ((await grains.GetGrain<ITeamGrain>(team).GetAgentIdsAsync()).Contains(agentId)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="user"/> may read complaint <paramref name="complaintId"/> (true for an unknown one: it is a 404).</summary>
    public async Task<bool> MayReadComplaintAsync(ClaimsPrincipal user, string complaintId)
    {
        if (SeesEverything(user)) return true;
        if (await grains.GetGrain<IComplaintGrain>(complaintId).GetAsync() is not { } view) return true;
        return (view.AgentId is { } agent && OwnAgent(user) == agent) || (view.TeamId is { } team && SupervisedTeams(user).Contains(team));
    }

    /// <summary>Whether <paramref name="user"/> may follow live <paramref name="scope"/> (<c>floor</c>: managers only).</summary>
    public async Task<bool> MaySubscribeAsync(ClaimsPrincipal user, string scope)
    {
        if (SeesEverything(user)) return true;
        if (scope == LiveScopes.Floor) return false;
        if (scope.StartsWith("team:", StringComparison.Ordinal)) return MayReadTeam(user, scope[5..]);
        return scope.StartsWith("agent:", StringComparison.Ordinal) && await MayReadAgentAsync(user, scope[6..]);
    }
}
