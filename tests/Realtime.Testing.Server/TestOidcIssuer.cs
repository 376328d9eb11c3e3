using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Realtime.Testing.Server;

/// <summary>
/// A small OpenID Connect issuer for tests, standing in for the insurer's single sign-on: a Kestrel app on a free loopback
/// port (plain HTTP, so the server under test runs with <c>Auth:RequireHttpsMetadata=false</c>) with discovery, a JWKS
/// (an RSA key generated per run), an authorization endpoint that approves <see cref="User"/> without asking (after checking
/// the client, the redirect URI and an S256 PKCE challenge) and a token endpoint that checks the verifier against the
/// challenge before it issues RS256 tokens. Browsers call discovery and the token endpoint from the dashboards' origin, so
/// those answer with CORS headers, as a real issuer does for a public client.
/// </summary>
public sealed class TestOidcIssuer : IAsyncDisposable
{
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TestOidcExchange> _exchanges = new();
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private WebApplication? _app;

    /// <summary>An issuer that signs <paramref name="user"/> in for <paramref name="clientId"/> coming back to <paramref name="redirectUri"/>, with access tokens for <paramref name="audience"/>.</summary>
    public TestOidcIssuer(string clientId, string audience, TestOidcUser user, Uri? redirectUri = null)
    {
        ClientId = clientId;
        Audience = audience;
        User = user;
        RedirectUri = redirectUri;
    }

    /// <summary>The client id the authorization and token endpoints accept.</summary>
    public string ClientId { get; }

    /// <summary>The access tokens' <c>aud</c>.</summary>
    public string Audience { get; }

    /// <summary>The user every authorization request signs in.</summary>
    public TestOidcUser User { get; set; }

    /// <summary>The one redirect URI registered for the client (set it once the dashboards' address is known).</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>When true the authorization endpoint answers with a state other than the one it was sent (an answer forged for another session).</summary>
    public bool TamperWithState { get; set; }

    /// <summary>The issuer URL (<c>iss</c>, and what the server takes as <c>Auth:Authority</c>); known once started.</summary>
    public Uri Authority => _app is null ? throw new InvalidOperationException("Start the issuer first.") : new Uri(_app.Urls.First());

    /// <summary>The code exchanges the token endpoint accepted, in order.</summary>
    public IReadOnlyList<TestOidcExchange> Exchanges => [.. _exchanges];

    /// <summary>Every authorization and token request that was refused, with why (for failure messages).</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Starts listening on a free loopback port.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Port 0: the OS picks a free port while binding, so no other process can take it in between.
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Use((context, next) =>
        {
            // A public client (the dashboards' page) reads discovery and posts to the token endpoint from its own origin.
            context.Response.Headers.AccessControlAllowOrigin = "*";
            if (HttpMethods.IsOptions(context.Request.Method))
            {
                context.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                context.Response.Headers.AccessControlAllowMethods = "GET, POST";
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["grant_types_supported"] = new[] { "authorization_code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "none" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = _key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _keyId, n = Base64Url(parameters.Modulus!), e = Base64Url(parameters.Exponent!) } } });
        });
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", ExchangeAsync);
        await app.StartAsync();
        _app = app;
    }

    /// <summary>
    /// An RS256 access token for <paramref name="user"/> as this issuer makes them; <paramref name="audience"/> and
    /// <paramref name="signWith"/> (another key, under this issuer's key id) make the tokens a server must refuse.
    /// </summary>
    public string CreateAccessToken(TestOidcUser user, string? audience = null, RSA? signWith = null)
    {
        var claims = Claims(user.Subject, audience ?? Audience);
        claims["role"] = user.Roles.ToArray();
        if (user.AgentId is { } agent) claims["agent_id"] = agent;
        if (user.TeamIds is { Count: > 0 } teams) claims["team_id"] = teams.ToArray();
        claims["client_id"] = ClientId;
        return Sign(claims, signWith ?? _key);
    }

    private string Issuer => Authority.GetLeftPart(UriPartial.Authority);

    private Dictionary<string, object> Claims(string subject, string audience)
    {
        var now = DateTimeOffset.UtcNow;
        return new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["sub"] = subject,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TokenLifetime).ToUnixTimeSeconds(),
        };
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        var refusal =
            q["client_id"] != ClientId ? $"client_id '{q["client_id"]}' is not {ClientId}"
            : RedirectUri is null || q["redirect_uri"] != RedirectUri.ToString() ? $"redirect_uri '{q["redirect_uri"]}' is not the registered {RedirectUri}"
            : q["response_type"] != "code" ? $"response_type '{q["response_type"]}' is not code"
            : q["code_challenge_method"] != "S256" ? $"code_challenge_method '{q["code_challenge_method"]}' is not S256"
            : q["code_challenge"].ToString().Length != 43 ? "code_challenge is not a base64url SHA-256"
            : q["state"].ToString().Length == 0 ? "state is missing"
            : null;
        // Never redirect to an unchecked redirect URI: a refusal is shown here, as issuers do.
        if (refusal is not null) return Refuse(refusal);
        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new PendingCode(q["code_challenge"]!, q["redirect_uri"]!, q["nonce"].ToString() is { Length: > 0 } nonce ? nonce : null);
        var state = TamperWithState ? Base64Url(RandomNumberGenerator.GetBytes(16)) : q["state"].ToString();
        return Results.Redirect($"{RedirectUri}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    private async Task<IResult> ExchangeAsync(HttpRequest request)
    {
        if (!request.HasFormContentType) return Refuse("the token request is not a form");
        var form = await request.ReadFormAsync();
        var code = form["code"].ToString();
        var verifier = form["code_verifier"].ToString();
        // A code is good once: whatever the outcome, it is gone.
        var pending = _codes.TryRemove(code, out var found) ? found : null;
        var refusal =
            form["grant_type"] != "authorization_code" ? $"grant_type '{form["grant_type"]}' is not authorization_code"
            : form["client_id"] != ClientId ? $"client_id '{form["client_id"]}' is not {ClientId}"
            : pending is null ? "the code is unknown or used"
            : form["redirect_uri"] != pending.RedirectUri ? "redirect_uri differs from the authorization request's"
            : verifier.Length is < 43 or > 128 ? "code_verifier must hold 43 to 128 characters"
            : !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))), Encoding.ASCII.GetBytes(pending.Challenge))
                ? "SHA-256 of the code_verifier is not the code_challenge"
            : null;
        if (refusal is not null || pending is null)
        {
            Refusals.Enqueue(refusal ?? "no code");
            return Results.Json(new { error = "invalid_grant", error_description = refusal }, statusCode: StatusCodes.Status400BadRequest);
        }
        _exchanges.Enqueue(new TestOidcExchange(code, pending.Challenge, verifier));
        var id = Claims(User.Subject, ClientId);
        if (pending.Nonce is { } nonce) id["nonce"] = nonce;
        return Results.Json(new
        {
            access_token = CreateAccessToken(User),
            id_token = Sign(id, _key),
            token_type = "Bearer",
            expires_in = (int)TokenLifetime.TotalSeconds,
        });
    }

    private IResult Refuse(string why)
    {
        Refusals.Enqueue(why);
        return Results.Json(new { error = "invalid_request", error_description = why }, statusCode: StatusCodes.Status400BadRequest);
    }

    private string Sign(Dictionary<string, object> claims, RSA key)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = _keyId }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + body + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record PendingCode(string Challenge, string RedirectUri, string? Nonce);
}
