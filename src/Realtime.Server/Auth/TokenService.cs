using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Realtime.Server.Auth;

/// <summary>
/// The local signing key and the tokens of the built-in sign-in. Without <c>Auth:SigningKey</c> the key is generated here, at
/// start, so no key is ever in code or in a default file (tokens then last as long as the process). Tokens live in real time,
/// not on the floor clock that tests move by hours.
/// </summary>
public sealed class TokenService(IOptions<AuthOptions> options)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() => new SymmetricSecurityKey(
        options.Value.SigningKey is { Length: > 0 } configured ? Convert.FromBase64String(configured) : RandomNumberGenerator.GetBytes(32)));

    /// <summary>Whether the key was generated at start (no <c>Auth:SigningKey</c>).</summary>
    public bool KeyIsGenerated => options.Value.SigningKey is not { Length: > 0 };

    /// <summary>The HS256 key tokens are signed and validated with.</summary>
    public SymmetricSecurityKey Key => _key.Value;

    /// <summary>A signed token for <paramref name="user"/>, valid for <c>Auth:TokenLifetime</c>.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(AuthUser user)
    {
        var settings = options.Value;
        var now = TimeProvider.System.GetUtcNow();
        var claims = new List<Claim> { new(Roles.SubjectClaim, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(Roles.RoleClaim, r)));
        if (user.AgentId is { Length: > 0 } agent) claims.Add(new Claim(Roles.AgentIdClaim, agent));
        claims.AddRange(user.TeamIds.Select(t => new Claim(Roles.TeamIdClaim, t)));
        var expires = now + settings.TokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
