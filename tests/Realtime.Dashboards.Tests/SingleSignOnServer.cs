using Realtime.Testing.Server;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The real server with the insurer's single sign-on played by a <see cref="TestOidcIssuer"/>: <c>Auth:Authority</c> is the
/// issuer, the dashboards are its client <see cref="ClientId"/> with redirect URI <c>{server}/signin</c>, and it signs in
/// <see cref="User"/>, a supervisor of team T1.
/// </summary>
public sealed class SingleSignOnServer : IAsyncLifetime
{
    /// <summary>The dashboards' client id at the issuer.</summary>
    public const string ClientId = "realtime-dashboards";

    /// <summary>Whom the issuer signs in.</summary>
    public static readonly TestOidcUser User = new("li.supervisor@insurer.example", ["supervisor"], TeamIds: ["T1"]);

    private const string Audience = "realtime-api";
    private ServerProcess? _server;

    /// <summary>The issuer.</summary>
    public TestOidcIssuer Issuer { get; } = new(ClientId, Audience, User);

    /// <summary>The server's base address.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>The server's output, for failure messages.</summary>
    public string Log => Server.Log;

    private ServerProcess Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Issuer.StartAsync();
        _server = new ServerProcess(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__Postgres"] = "",
                ["Auth__Authority"] = Issuer.Authority.ToString(),
                ["Auth__Audience"] = Audience,
                ["Auth__ClientId"] = ClientId,
                // The test issuer is plain HTTP on loopback; a deployment keeps the default (HTTPS only).
                ["Auth__RequireHttpsMetadata"] = "false",
            },
            new ServerProcessOptions { AssemblyPath = TestEnvironment.ServerAssemblyPath });
        Issuer.RedirectUri = new Uri(_server.BaseAddress, "signin");
        await _server.StartAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
