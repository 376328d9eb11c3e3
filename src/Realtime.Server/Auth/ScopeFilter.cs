using Microsoft.AspNetCore.Authorization;

namespace Realtime.Server.Auth;

/// <summary>
/// Narrows the floor's reads to what the caller may see (<see cref="AccessRules"/>), by route: <c>403</c> problem details naming
/// what is outside the caller's part, never a silently emptied answer. A read route not listed here is for managers only.
/// </summary>
public sealed class ScopeFilter(AccessRules rules) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        if (AccessRules.SeesEverything(user) || http.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null) return await next(context);
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var id = http.Request.RouteValues["id"] as string ?? "";
        var allowed = pattern switch
        {
            "/api/complaints/{id}" => await rules.MayReadComplaintAsync(user, id),
            "/api/complaints" => await MayListAsync(http),
            "/api/teams" => AccessRules.SupervisedTeams(user).Count > 0,
            "/api/breach-causes/reasons" => true,
            "/api/cases" => await MayListAsync(http),
            _ when pattern.StartsWith("/api/agents/{id}/", StringComparison.Ordinal) => await rules.MayReadAgentAsync(user, id),
            _ when pattern.StartsWith("/api/teams/{id}/", StringComparison.Ordinal) => AccessRules.MayReadTeam(user, id),
            _ => false,
        };
        return allowed ? await next(context) : Refuse(http, pattern);
    }

    /// <summary>An agent lists their own complaints or cases (<c>?agent=</c> their id), a supervisor a team of theirs or one of its agents.</summary>
    private async Task<bool> MayListAsync(HttpContext http)
    {
        var user = http.User;
        var team = http.Request.Query["team"].ToString();
        var agent = http.Request.Query["agent"].ToString();
        if (team.Length > 0 && !AccessRules.MayReadTeam(user, team)) return false;
        if (agent.Length > 0) return await rules.MayReadAgentAsync(user, agent);
        return team.Length > 0;
    }

    private static IResult Refuse(HttpContext http, string pattern)
    {
        var user = http.User;
        var part = string.Join("; ", new[]
        {
            AccessRules.OwnAgent(user) is { } agent ? $"agent {agent}" : null,
            AccessRules.SupervisedTeams(user) is { Count: > 0 } teams ? $"team(s) {string.Join(", ", teams)}" : null,
        }.Where(p => p is not null));
        return Results.Problem(title: "Forbidden", statusCode: StatusCodes.Status403Forbidden,
            detail: $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString} is outside what you may see ({(part.Length > 0 ? part : "no agent or team")}); " +
                (pattern is "/api/complaints" or "/api/cases" ? "name your agent (?agent=) or one of your teams (?team=)." : "the whole floor and quarters are for managers."));
    }
}
