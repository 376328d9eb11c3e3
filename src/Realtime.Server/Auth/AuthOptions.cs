namespace Realtime.Server.Auth;

/// <summary>Section <c>Auth</c>: how users are signed in (an OpenID Connect authority, or a local key and users).</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>Default of <see cref="Issuer"/> and <see cref="Audience"/>.</summary>
    public const string DefaultName = "realtime";

    /// <summary>Default of <see cref="TokenLifetime"/>: a working shift with room to spare.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>The insurer's OpenID Connect issuer; when set, tokens are validated against it and the local sign-in is off.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Whether the <see cref="Authority"/>'s metadata and keys must be fetched over HTTPS (default true: a plain-HTTP issuer
    /// lets anyone on the path swap the keys). Only the test suite's loopback issuer turns it off.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The dashboards' client id at the <see cref="Authority"/> (code flow with PKCE).</summary>
    public string? ClientId { get; set; }

    /// <summary>Base64 HS256 key of at least 32 bytes; none: a key is generated at start (tokens then end with the process).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The tokens' <c>iss</c>.</summary>
    public string Issuer { get; set; } = DefaultName;

    /// <summary>The tokens' <c>aud</c>.</summary>
    public string Audience { get; set; } = DefaultName;

    /// <summary>How long a token issued by the built-in sign-in is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    /// <summary>Users of the built-in sign-in.</summary>
    public List<AuthUser> Users { get; set; } = [];

    /// <summary>Roles for requests without a token.</summary>
    public AnonymousAccess Anonymous { get; set; } = new();

    /// <summary>The rules of <c>Auth:*</c>, naming the key of each bad value.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Authority is { Length: > 0 } && !Uri.TryCreate(Authority, UriKind.Absolute, out _)) errors.Add($"Auth:Authority must be an absolute URL (was '{Authority}')");
        else if (RequireHttpsMetadata && Authority is { Length: > 0 } && !Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            errors.Add($"Auth:Authority must be an https:// URL (was '{Authority}'); Auth:RequireHttpsMetadata=false allows http, for a test issuer only");
        if (SigningKey is { Length: > 0 })
        {
            var bytes = new byte[SigningKey.Length];
            if (!Convert.TryFromBase64String(SigningKey, bytes, out var length)) errors.Add("Auth:SigningKey must be base64");
            else if (length < 32) errors.Add($"Auth:SigningKey must hold at least 32 bytes (has {length})");
        }
        if (string.IsNullOrWhiteSpace(Issuer)) errors.Add("Auth:Issuer must not be empty");
        if (string.IsNullOrWhiteSpace(Audience)) errors.Add("Auth:Audience must not be empty");
        if (TokenLifetime <= TimeSpan.Zero || TokenLifetime > TimeSpan.FromDays(30)) errors.Add($"Auth:TokenLifetime must be positive and at most 30 days (was {TokenLifetime})");
        for (var i = 0; i < Users.Count; i++)
        {
            var u = Users[i];
            if (string.IsNullOrWhiteSpace(u.Name)) errors.Add($"Auth:Users:{i}:Name must not be empty");
            if (!PasswordHashing.IsHash(u.PasswordHash)) errors.Add($"Auth:Users:{i}:PasswordHash must be a hash made with --hash-password (pbkdf2-sha256$...), never a plain password");
            errors.AddRange(u.Roles.Where(r => !Auth.Roles.All.Contains(r)).Select(r => $"Auth:Users:{i}:Roles: unknown role '{r}' (expected {string.Join(", ", Auth.Roles.All)})"));
        }
        if (Users.GroupBy(u => u.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice) errors.Add($"Auth:Users: the name '{twice.Key}' is used twice");
        errors.AddRange(Anonymous.Roles.Where(r => !Auth.Roles.All.Contains(r)).Select(r => $"Auth:Anonymous:Roles: unknown role '{r}' (expected {string.Join(", ", Auth.Roles.All)})"));
        return errors;
    }
}
