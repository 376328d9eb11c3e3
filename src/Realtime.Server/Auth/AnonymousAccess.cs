namespace Realtime.Server.Auth;

/// <summary><c>Auth:Anonymous</c>: roles granted to requests without a token (wall boards on a trusted network, as Grafana's anonymous access).</summary>
public sealed class AnonymousAccess
{
    /// <summary>The roles; empty (the default) means a request without a token is 401.</summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The team ids an anonymous supervisor sees (when <c>supervisor</c> is granted).</summary>
    public List<string> TeamIds { get; set; } = [];
}
