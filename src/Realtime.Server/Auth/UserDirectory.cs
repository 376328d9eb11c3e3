using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Realtime.Server.Demo;

namespace Realtime.Server.Auth;

/// <summary>The users of the built-in sign-in: <c>Auth:Users</c>, plus one per role under <c>--demo</c> (passwords generated at start).</summary>
public sealed class UserDirectory
{
    // Demo passwords are random and shown in the log, so fewer iterations suffice and the start stays quick.
    private const int DemoIterations = 10_000;

    private readonly Dictionary<string, AuthUser> _users;

    /// <summary>Builds the directory from the options.</summary>
    public UserDirectory(IOptions<AuthOptions> auth, IOptions<DemoOptions> demo)
    {
        Demo = demo.Value.Enabled ? MakeDemoUsers() : [];
        _users = auth.Value.Users.Concat(Demo.Select(d => d.User)).ToDictionary(u => u.Name, StringComparer.Ordinal);
    }

    /// <summary>The demo users (empty without <c>--demo</c>).</summary>
    public IReadOnlyList<DemoUser> Demo { get; }

    /// <summary>The user named <paramref name="name"/> when <paramref name="password"/> is theirs; else null.</summary>
    public AuthUser? Verify(string name, string password)
    {
        // An unknown name costs a hash as well, so timing does not tell which names exist.
        var known = _users.TryGetValue(name, out var user);
        var matches = PasswordHashing.Verify(password, known ? user!.PasswordHash : UnknownUserHash);
        return known && matches ? user : null;
    }

    /// <summary>The demo user named <paramref name="name"/>, or null.</summary>
    public DemoUser? FindDemo(string name) => Demo.FirstOrDefault(d => d.User.Name == name);

    private static readonly string UnknownUserHash = PasswordHashing.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), DemoIterations);

    private static List<DemoUser> MakeDemoUsers()
    {
        DemoUser Make(string name, string label, string? landing, string role, string? agent = null, string? team = null)
        {
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            var user = new AuthUser { Name = name, PasswordHash = PasswordHashing.Hash(password, DemoIterations), Roles = [role], AgentId = agent, TeamIds = team is null ? [] : [team] };
            return new DemoUser(user, password, label, landing);
        }
        // The demo floor's first team and agent (DemoFloor names them T1 and A101).
        return
        [
            Make("demo-supervisor", "Demo supervisor (team T1)", "/wallboard", Roles.Supervisor, team: "T1"),
            Make("demo-agent", "Demo agent (A101)", "/agent?id=A101", Roles.Agent, agent: "A101"),
            Make("demo-manager", "Demo manager", "/manager", Roles.Manager),
            Make("demo-auditor", "Demo auditor", null, Roles.Auditor),
            Make("demo-ingest", "Demo integration (ingest)", null, Roles.Ingest),
        ];
    }
}
