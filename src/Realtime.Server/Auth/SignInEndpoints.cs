using Microsoft.Extensions.Options;
using Realtime.Server.Api;

namespace Realtime.Server.Auth;

/// <summary>The built-in sign-in: <c>POST /api/auth/token</c>, the demo's one-click sign-in, <c>GET /api/auth/config</c> and <c>/api/auth/me</c>.</summary>
public static class SignInEndpoints
{
    /// <summary>Maps the sign-in endpoints (the sign-in page lists the demo users that have a dashboard; the others sign in by API).</summary>
    public static void MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/auth/config", (IOptions<AuthOptions> auth, UserDirectory users) =>
        {
            var o = auth.Value;
            return Results.Ok(new SignInConfig(o.Authority is { Length: > 0 } ? "oidc" : "local", o.Authority, o.ClientId,
                [.. users.Demo.Where(d => d.Landing is not null).Select(d => new SignInDemoUser(d.User.Name, d.Label, d.Landing!))]));
        }).AllowAnonymous();

        app.MapPost("/api/auth/token", async (SignInRequest? request, HttpContext http, UserDirectory users, TokenService tokens, IOptions<AuthOptions> auth, AccessAuditor auditor) =>
        {
            if (auth.Value.Authority is { Length: > 0 })
                return Problems.Status(StatusCodes.Status404NotFound, "Local sign-in is off", "Auth:Authority is set: sign in at the single sign-on.");
            if (request is not { User: { Length: > 0 } name, Password: { Length: > 0 } password })
                return Problems.BadParameter("user", "send {\"user\": ..., \"password\": ...}");
            var client = "client " + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (users.Verify(name, password) is not { } user)
            {
                // Guessing shows in the audit: the name given, from where, and that it failed; the password is written nowhere.
                var tried = AuditedName(name);
                await auditor.RecordAsync(tried, Grains.Audit.AccessActions.SignInFailed, "user:" + tried, "unknown user or wrong password; " + client);
                return Problems.Status(StatusCodes.Status401Unauthorized, "Sign-in failed", "Unknown user or wrong password.");
            }
            await auditor.RecordAsync(user.Name, Grains.Audit.AccessActions.SignIn, "user:" + user.Name, client);
            return Results.Ok(Answer(user, tokens));
        }).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);

        // Only under --demo: the demo's users are made up at start and the floor is simulated, so one click signs in.
        app.MapPost("/api/auth/demo", async (SignInRequest? request, UserDirectory users, TokenService tokens, AccessAuditor auditor) =>
        {
            if (users.FindDemo(request?.User ?? "") is not { } demo)
                return Problems.Status(StatusCodes.Status404NotFound, "No such demo user", "Demo users exist only when the server runs with --demo.");
            await auditor.RecordAsync(demo.User.Name, Grains.Audit.AccessActions.SignIn, "user:" + demo.User.Name, "demo one-click sign-in");
            return Results.Ok(Answer(demo.User, tokens) with { Landing = demo.Landing });
        }).AllowAnonymous();

        app.MapGet("/api/auth/me", (HttpContext http) => Results.Ok(new SignedInUser(
            http.User.Identity?.Name ?? "",
            [.. http.User.FindAll(Roles.RoleClaim).Select(c => c.Value)],
            http.User.FindFirst(Roles.AgentIdClaim)?.Value,
            [.. http.User.FindAll(Roles.TeamIdClaim).Select(c => c.Value)]))).RequireAuthorization();
    }

    /// <summary>
    /// A name as typed, fit for the audit: control characters dropped (no forged CSV or log lines) and cut at
    /// <see cref="MaxAuditedNameLength"/> characters (a name that long is no user's, often a password typed in the wrong field).
    /// </summary>
    private static string AuditedName(string name)
    {
        var clean = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "(blank)" : clean.Length <= MaxAuditedNameLength ? clean : clean[..MaxAuditedNameLength] + "…";
    }

    private const int MaxAuditedNameLength = 64;

    private static SignInAnswer Answer(AuthUser user, TokenService tokens)
    {
        var (token, expires) = tokens.Issue(user);
        return new SignInAnswer(token, "Bearer", expires, user.Name, user.Roles, null);
    }
}
