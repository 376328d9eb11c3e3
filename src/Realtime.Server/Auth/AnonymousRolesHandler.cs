using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Realtime.Server.Auth;

/// <summary>A request without any credentials: the roles of <c>Auth:Anonymous:Roles</c> when configured, else no user (401).</summary>
public sealed class AnonymousRolesHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "AnonymousRoles";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var anonymous = auth.Value.Anonymous;
        if (anonymous.Roles.Count == 0) return Task.FromResult(AuthenticateResult.NoResult());
        var claims = new List<Claim> { new(Roles.SubjectClaim, "anonymous") };
        claims.AddRange(anonymous.Roles.Select(r => new Claim(Roles.RoleClaim, r)));
        claims.AddRange(anonymous.TeamIds.Select(t => new Claim(Roles.TeamIdClaim, t)));
        var identity = new ClaimsIdentity(claims, SchemeName, Roles.SubjectClaim, Roles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
