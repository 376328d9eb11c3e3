using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Realtime.Server.Api;

namespace Realtime.Server.Auth;

/// <summary><c>X-Api-Key</c> with a key of <c>Auth:IngestKeys</c>: the integration gets the <c>ingest</c> role; a wrong key fails (401).</summary>
public sealed class IngestKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder, IOptions<IngestOptions> ingest)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "IngestKey";

    /// <summary>The header.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[Header].ToString();
        if (presented.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
        if (!Matches(presented, ingest.Value.IngestKeys)) return Task.FromResult(AuthenticateResult.Fail("The X-Api-Key is not a configured ingest key."));
        // Each key is a user of its own (rate limits, logs), named by a short hash so the key itself never shows.
        var name = "ingest-key:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)))[..8];
        var identity = new ClaimsIdentity([new Claim(Roles.SubjectClaim, name), new Claim(Roles.RoleClaim, Roles.Ingest)], SchemeName, Roles.SubjectClaim, Roles.RoleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    private static bool Matches(string presented, string[] keys)
    {
        var bytes = Encoding.UTF8.GetBytes(presented);
        var ok = false;
        foreach (var key in keys) ok |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        return ok;
    }
}
