using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Realtime.Server.Auth;
using Realtime.Server.Demo;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>Issue 23, part 1: without a valid token the API and the hub are 401; tokens, ingest keys, anonymous roles and the built-in sign-in.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public async Task InitializeAsync()
    {
        var response = await _app.PostEventsAsync(new[] { Events.Opened("auth-1", _app.Time.GetUtcNow().AddMinutes(-5)) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string> Protected => new()
    {
        { "GET", "/api/complaints/auth-1" },
        { "GET", "/api/complaints?status=open" },
        { "GET", "/api/floor/board" },
        { "GET", "/api/teams/T1/board" },
        { "GET", "/api/agents/A1/scorecard?window=today" },
        { "GET", "/api/quarters" },
        { "POST", "/api/quarters/2026Q3/close" },
        { "POST", "/api/events" },
        { "GET", "/api/auth/me" },
        { "POST", "/hubs/live/negotiate?negotiateVersion=1" },
    };

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (path == "/api/events") request.Content = new StringContent("[]", Encoding.UTF8, "application/json");
        return request;
    }

    [Theory]
    [MemberData(nameof(Protected))]
    public async Task Without_a_token_every_protected_route_is_401_problem_details(string method, string path)
    {
        var response = await _app.CreateAnonymousClient().SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("wrongly-signed")]
    [InlineData("wrong-issuer")]
    [InlineData("wrong-audience")]
    [InlineData("garbage")]
    public async Task A_token_that_is_expired_wrongly_signed_or_not_ours_is_401(string kind)
    {
        var token = kind switch
        {
            "expired" => TestTokens.Create(_app.SigningKey, "u", TestTokens.Roles, lifetime: TimeSpan.FromMinutes(-10)),
            "wrongly-signed" => TestTokens.Create(TestTokens.NewKey(), "u", TestTokens.Roles),
            "wrong-issuer" => TestTokens.Create(_app.SigningKey, "u", TestTokens.Roles, issuer: "someone-else"),
            "wrong-audience" => TestTokens.Create(_app.SigningKey, "u", TestTokens.Roles, audience: "someone-else"),
            _ => "not.a.token",
        };
        var client = _app.CreateClient(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/complaints/auth-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request("POST", "/api/events"))).StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/time")]
    [InlineData("/wallboard")]
    [InlineData("/signin")]
    [InlineData("/api/auth/config")]
    public async Task Probes_the_clock_and_the_pages_themselves_need_no_token(string path)
    {
        var response = await _app.CreateAnonymousClient().GetAsync(path);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound && (path.StartsWith("/api", StringComparison.Ordinal) || path == "/health" ? response.StatusCode == HttpStatusCode.OK : true),
            $"{path} answered {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        var sockets = _app.Server.CreateWebSocketClient();
        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => sockets.ConnectAsync(new Uri(_app.Server.BaseAddress, "hubs/live"), CancellationToken.None));
        Assert.Contains("401", refused.Message, StringComparison.Ordinal);
        var wrong = TestTokens.Create(TestTokens.NewKey(), "u", TestTokens.Roles);
        var alsoRefused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() =>
            sockets.ConnectAsync(new Uri(_app.Server.BaseAddress, "hubs/live?access_token=" + Uri.EscapeDataString(wrong)), CancellationToken.None));
        Assert.Contains("401", alsoRefused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_roles_grant_what_they_list_and_nothing_more()
    {
        await using var kiosk = new RealtimeApp(new() { ["Auth:Anonymous:Roles:0"] = "supervisor", ["Auth:Anonymous:TeamIds:0"] = "T1" });
        Assert.Equal(HttpStatusCode.Accepted, (await kiosk.PostEventsAsync(new[] { Events.Opened("kiosk-1", kiosk.Time.GetUtcNow(), team: "T1") })).StatusCode);
        var anonymous = kiosk.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/teams/T1/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/teams/T2/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync("/api/floor/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.SendAsync(Request("POST", "/api/events"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);
    }

    [Fact]
    public async Task An_ingest_key_grants_ingest_only()
    {
        await using var app = new RealtimeApp(new() { ["Auth:IngestKeys"] = "key-one,key-two" });
        var integration = app.CreateAnonymousClient();
        integration.DefaultRequestHeaders.Add("X-Api-Key", "key-two");
        Assert.Equal(HttpStatusCode.Accepted, (await integration.PostAsJsonAsync("/api/events", new[] { Events.Opened("key-1", app.Time.GetUtcNow()) })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await integration.GetAsync("/api/complaints/key-1")).StatusCode);
    }

    [Fact]
    public async Task A_configured_user_signs_in_with_a_password_kept_only_as_a_hash()
    {
        var hash = PasswordHashing.Hash("correct horse", 10_000);
        await using var app = new RealtimeApp(new()
        {
            ["Auth:Users:0:Name"] = "li.supervisor",
            ["Auth:Users:0:PasswordHash"] = hash,
            ["Auth:Users:0:Roles:0"] = "supervisor",
            ["Auth:Users:0:TeamIds:0"] = "T1",
        });
        var anonymous = app.CreateAnonymousClient();
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "li.supervisor", password = "battery staple" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "nobody", password = "correct horse" })).StatusCode);

        var answer = await (await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "li.supervisor", password = "correct horse" })).Content.ReadFromJsonAsync<JsonElement>();
        var me = await app.CreateClient(answer.GetProperty("accessToken").GetString()).GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal("li.supervisor", me.GetProperty("user").GetString());
        Assert.Equal(["supervisor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["T1"], me.GetProperty("teamIds").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_plain_password_in_the_configuration_stops_the_server_naming_the_key()
    {
        await using var app = new RealtimeApp(new() { ["Auth:Users:0:Name"] = "x", ["Auth:Users:0:PasswordHash"] = "hunter2", ["Auth:Users:0:Roles:0"] = "manager" });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Auth:Users:0:PasswordHash", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_makes_a_user_per_role_with_passwords_generated_at_start()
    {
        var users = new UserDirectory(Options.Create(new AuthOptions()), Options.Create(new DemoOptions { Enabled = true }));
        var again = new UserDirectory(Options.Create(new AuthOptions()), Options.Create(new DemoOptions { Enabled = true }));
        Assert.Equal(Roles.All.Order(), users.Demo.SelectMany(d => d.User.Roles).Order());
        Assert.All(users.Demo, d => Assert.Same(d.User, users.Verify(d.User.Name, d.Password)));
        Assert.NotEqual(users.Demo[0].Password, again.Demo[0].Password);
        var supervisor = users.FindDemo("demo-supervisor")!;
        Assert.Equal(["T1"], supervisor.User.TeamIds);
        // One click lands on a dashboard; the auditor and the integration have none and sign in by API.
        Assert.Equal("/wallboard", supervisor.Landing);
        Assert.Null(users.FindDemo("demo-auditor")!.Landing);
        Assert.Empty(new UserDirectory(Options.Create(new AuthOptions()), Options.Create(new DemoOptions())).Demo);
    }

    [Fact]
    public async Task The_one_click_demo_sign_in_exists_only_under_demo()
    {
        var response = await _app.CreateAnonymousClient().PostAsJsonAsync("/api/auth/demo", new { user = "demo-supervisor" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var config = await _app.CreateAnonymousClient().GetFromJsonAsync<JsonElement>("/api/auth/config");
        Assert.Equal("local", config.GetProperty("mode").GetString());
        Assert.Equal(0, config.GetProperty("demoUsers").GetArrayLength());
    }
}
