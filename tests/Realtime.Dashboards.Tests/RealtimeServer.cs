using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing.Server;

namespace Realtime.Dashboards.Tests;

/// <summary>
/// The real Realtime server for the board tests: the shared <see cref="ServerProcess"/> starter with in-memory storage
/// and a 6-second first-response target (so breaches happen within a test), as an xunit class fixture.
/// One instance per test class; <see cref="RestartAsync"/> stops it and starts it again on the same port.
/// </summary>
public class RealtimeServer : IAsyncLifetime
{
    /// <summary>The first-response target the server runs with; tests wait for breaches on it.</summary>
    public static readonly TimeSpan FirstResponseTarget = TimeSpan.FromSeconds(6);

    private readonly ServerProcess _process;

    /// <summary>A server with the 6-second <see cref="FirstResponseTarget"/>.</summary>
    public RealtimeServer()
        : this(FirstResponseTarget)
    {
    }

    /// <summary>A server whose first-response target is <paramref name="firstResponseTarget"/>.</summary>
    protected RealtimeServer(TimeSpan firstResponseTarget)
        : this(firstResponseTarget, new Dictionary<string, string>())
    {
    }

    /// <summary>
    /// A server whose first-response target is <paramref name="firstResponseTarget"/>, with extra configuration as
    /// environment variables (e.g. <c>Sla__Clocks__resolution__Calendar=office</c>) set after the defaults, so they win.
    /// </summary>
    protected RealtimeServer(TimeSpan firstResponseTarget, IReadOnlyDictionary<string, string> environment)
    {
        // In memory (an empty connection string), with the target the board tests wait for breaches on.
        var variables = new Dictionary<string, string?>
        {
            ["Sla__Clocks__firstResponse__Target"] = firstResponseTarget.ToString("c"),
            ["ConnectionStrings__Postgres"] = "",
        };
        foreach (var (key, value) in environment) variables[key] = value;
        _process = new ServerProcess(variables, new ServerProcessOptions { AssemblyPath = TestEnvironment.ServerAssemblyPath });
    }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>A client for the server's REST API (signed in with every role).</summary>
    public HttpClient Http => _process.Http;

    /// <summary>The token <see cref="Http"/> sends; boards get it as a signed-in user's session (see <see cref="DashboardPage"/>).</summary>
    public string AccessToken => _process.AccessToken ?? throw new InvalidOperationException("The server runs without Auth:SigningKey.");

    /// <summary>The server's signing key, for tokens of a given role.</summary>
    public string SigningKey => _process.SigningKey ?? throw new InvalidOperationException("The server runs without Auth:SigningKey.");

    /// <inheritdoc />
    public Task InitializeAsync() => _process.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await _process.DisposeAsync();

    /// <summary>Kills the server process and starts a new one on the same address (in-memory state is lost).</summary>
    public Task RestartAsync() => _process.RestartAsync();

    /// <summary>Kills the server process (the address stays reserved for <see cref="StartAgainAsync"/>).</summary>
    public Task StopAsync() => _process.KillAsync();

    /// <summary>Starts the server again on the same address after <see cref="StopAsync"/>.</summary>
    public Task StartAgainAsync() => _process.StartAsync();

    /// <summary>POSTs events to /api/events and asserts the server accepted them (202).</summary>
    public async Task IngestAsync(params object[] events)
    {
        using var response = await Http.PostAsJsonAsync("/api/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/events answered {(int)response.StatusCode}: {body}\n{Log}");
        // Every test event is new: a duplicate means two tests drew the same id, and the board would miss that event.
        using var answer = JsonDocument.Parse(body);
        Assert.True(answer.RootElement.GetProperty("duplicates").GetInt32() == 0, $"POST /api/events found duplicate event ids: {body}");
    }

    /// <summary>What the server wrote to stdout and stderr so far, for failure messages.</summary>
    public string Log => _process.Log;
}
