namespace Realtime.Server.Auth;

/// <summary>A user of the built-in sign-in (<c>Auth:Users:{n}</c>); the password is stored only as a <see cref="PasswordHashing"/> hash.</summary>
public sealed class AuthUser
{
    /// <summary>The user name typed at sign-in; the token's <c>sub</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The password's hash (<c>pbkdf2-sha256$iterations$salt$hash</c>, base64); never the password itself.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>Roles granted (<see cref="Roles"/>).</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The agent this user is (role <c>agent</c>).</summary>
    public string? AgentId { get; set; }

    /// <summary>The teams this user supervises (role <c>supervisor</c>).</summary>
    public List<string> TeamIds { get; set; } = [];
}
