using System.Net.Http.Json;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Testing;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests;

/// <summary>The real server in-process (test server), on a fake clock, with configuration overrides.</summary>
public sealed class RealtimeApp(Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The server's clock; advancing it fires due deadlines.</summary>
    public FakeTimeProvider Time { get; } = new();

    /// <summary>This server's <c>Auth:SigningKey</c>, for tokens of any role (<see cref="TestTokens.Create"/>).</summary>
    public string SigningKey { get; } = TestTokens.NewKey();

    /// <summary>The token (every role) that clients of <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> and hub subscribers send.</summary>
    public string AccessToken => _token ??= TestTokens.AllRoles(SigningKey);

    private string? _token;

    /// <summary>A client without credentials (to prove what anonymous callers get).</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    /// <summary>A client sending <paramref name="token"/> (or none).</summary>
    public HttpClient CreateClient(string? token)
    {
        var client = CreateAnonymousClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <inheritdoc />
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        // Tests written before sign-in call the API as a user with every role; CreateAnonymousClient opts out.
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AccessToken);
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Scores and KPIs flush after every event unless a test asks for deferred staging (its timer runs on the fake clock).
        builder.UseSetting("Checkpoints:DeferredStageDelay", "00:00:00");
        // Every app has a silo of its own; test classes run side by side, so each listens on a free port and runs no gateway.
        builder.UseSetting("Orleans:Endpoints:SiloPort", FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:Endpoints:GatewayPort", "0");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        foreach (var (key, value) in settings ?? []) builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddKeyedSingleton<TimeProvider>(Grains.FloorClock.Key, Time));
    }

    /// <summary>Waits until <c>/health</c> answers 200 (on PostgreSQL: connected, migrated, recovered).</summary>
    public async Task WaitUntilReadyAsync()
    {
        var client = CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while ((await client.GetAsync("/health", timeout.Token)).StatusCode != System.Net.HttpStatusCode.OK)
            await poll.WaitForNextTickAsync(timeout.Token);
    }

    /// <summary>A live-hub connection (not started) over the test server's WebSockets, signed in with <paramref name="token"/>.</summary>
    public HubConnection CreateHubConnection(string token)
    {
        var sockets = Server.CreateWebSocketClient();
        // The SignalR client over the test server's WebSockets: no real socket, the same hub protocol.
        return new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                // Signed in as browsers are: the token as access_token in the query string (the custom factory skips the client's header).
                o.WebSocketFactory = (context, ct) => new ValueTask<WebSocket>(sockets.ConnectAsync(
                    new Uri(context.Uri + (context.Uri.Query.Length > 0 ? "&" : "?") + "access_token=" + Uri.EscapeDataString(token)), ct));
            })
            .Build();
    }

    /// <summary>Posts <paramref name="events"/> to the ingest endpoint.</summary>
    public Task<HttpResponseMessage> PostEventsAsync(object events, HttpClient? client = null) =>
        (client ?? CreateClient()).PostAsJsonAsync("/api/events", events);

    /// <summary>A started live-hub client subscribed to <paramref name="scope"/>, recording every message it receives.</summary>
    public async Task<LiveRecorder> SubscribeAsync(string scope)
    {
        var connection = CreateHubConnection(AccessToken);
        var recorder = new LiveRecorder(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", scope);
        return recorder;
    }
}
