using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Realtime.Testing.Server;

/// <summary>
/// Signed tokens for tests, as the server's local key mode validates them (HS256, issuer and audience <c>realtime</c>). Each test
/// server gets a key of its own (<see cref="NewKey"/>), passed as <c>Auth:SigningKey</c>; the shared starters sign their
/// clients in with <see cref="AllRoles"/> so tests written before sign-in keep calling the API as before.
/// </summary>
public static class TestTokens
{
    /// <summary>Every role of contract v2.</summary>
    public static readonly string[] Roles = ["agent", "supervisor", "manager", "ingest", "auditor"];

    /// <summary>A fresh random base64 key of 32 bytes.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A token for a test user holding every role.</summary>
    public static string AllRoles(string key) => Create(key, "test-user", Roles);

    /// <summary>
    /// A token for <paramref name="subject"/> with <paramref name="roles"/>, <paramref name="agentId"/> and <paramref name="teamIds"/>,
    /// expiring <paramref name="lifetime"/> from now (negative: already expired).
    /// </summary>
    public static string Create(string key, string subject, IEnumerable<string> roles, string? agentId = null, IEnumerable<string>? teamIds = null,
        TimeSpan? lifetime = null, string issuer = "realtime", string audience = "realtime")
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromHours(12));
        var payload = new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = roles.ToArray(),
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = Math.Min(now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds() - 60),
            ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds() - 60),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        if (agentId is not null) payload["agent_id"] = agentId;
        if (teamIds is not null) payload["team_id"] = teamIds.ToArray();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes(header + "." + body));
        return header + "." + body + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
