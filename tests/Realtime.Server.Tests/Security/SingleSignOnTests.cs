using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>
/// The insurer's single sign-on (<c>Auth:Authority</c>), against a real OpenID Connect issuer on a port of its own: the server
/// reads the issuer's discovery and keys, honours the roles and teams of its tokens, refuses tokens it did not sign or that
/// are for another audience, and turns its own sign-in off.
/// </summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private const string Audience = "realtime-api";
    private static readonly TestOidcUser Supervisor = new("li.supervisor@insurer.example", ["supervisor"], TeamIds: ["T1"]);
    private readonly TestOidcIssuer _issuer = new("realtime-dashboards", Audience, Supervisor);
    private RealtimeApp _app = null!;

    public async Task InitializeAsync()
    {
        await _issuer.StartAsync();
        _app = new RealtimeApp(new()
        {
            ["Auth:Authority"] = _issuer.Authority.ToString(),
            ["Auth:Audience"] = Audience,
            ["Auth:ClientId"] = _issuer.ClientId,
            // The test issuer is plain HTTP on loopback; a deployment keeps the default (HTTPS only).
            ["Auth:RequireHttpsMetadata"] = "false",
        });
        var ingest = _app.CreateClient(_issuer.CreateAccessToken(new TestOidcUser("crm-integration", ["ingest"])));
        var now = _app.Time.GetUtcNow().AddMinutes(-5);
        var accepted = await _app.PostEventsAsync(new[] { Events.Opened("sso-1", now, team: "T1"), Events.Opened("sso-2", now, team: "T2") }, ingest);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task A_token_of_the_issuer_signs_in_with_the_roles_and_teams_of_its_claims()
    {
        var supervisor = _app.CreateClient(_issuer.CreateAccessToken(Supervisor));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/teams/T1/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/complaints/sso-1")).StatusCode);
        var me = await supervisor.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(Supervisor.Subject, me.GetProperty("user").GetString());
        Assert.Equal(["supervisor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["T1"], me.GetProperty("teamIds").EnumerateArray().Select(r => r.GetString()));

        // Outside the role and teams of the claims: 403 problem details, as with local tokens.
        var otherTeam = await supervisor.GetAsync("/api/teams/T2/board");
        Assert.Equal(HttpStatusCode.Forbidden, otherTeam.StatusCode);
        Assert.Equal("application/problem+json", otherTeam.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/complaints/sso-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/floor/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);

        // Another role in the issuer's claim: another part of the floor.
        var manager = _app.CreateClient(_issuer.CreateAccessToken(new TestOidcUser("wang.manager@insurer.example", ["manager"])));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/floor/board")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/complaints/sso-2")).StatusCode);
    }

    [Fact]
    public async Task The_hub_takes_the_issuers_token_and_keeps_to_its_teams()
    {
        await using var connection = _app.CreateHubConnection(_issuer.CreateAccessToken(Supervisor));
        await connection.StartAsync();
        await connection.InvokeAsync("Subscribe", "team:T1");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "team:T2"));
        Assert.Contains("T2", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("another audience")]
    [InlineData("the local key")]
    public async Task A_token_the_issuer_did_not_sign_for_this_api_is_401(string kind)
    {
        using var stranger = RSA.Create(2048);
        var token = kind switch
        {
            // Same issuer, same key id, same claims: only the signature is wrong.
            "another key" => _issuer.CreateAccessToken(Supervisor, signWith: stranger),
            "another audience" => _issuer.CreateAccessToken(Supervisor, audience: "some-other-api"),
            // With an authority the server's own key signs nothing it accepts.
            _ => TestTokens.Create(_app.SigningKey, "u", TestTokens.Roles, audience: Audience),
        };
        var client = _app.CreateClient(token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/teams/T1/board")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task The_built_in_sign_in_is_off_and_the_sign_in_page_is_told_to_use_the_issuer()
    {
        var anonymous = _app.CreateAnonymousClient();
        var local = await anonymous.PostAsJsonAsync("/api/auth/token", new { user = "li.supervisor", password = "anything" });
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
        Assert.Contains("single sign-on", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var config = await anonymous.GetFromJsonAsync<JsonElement>("/api/auth/config");
        Assert.Equal("oidc", config.GetProperty("mode").GetString());
        Assert.Equal(_issuer.Authority.ToString(), config.GetProperty("authority").GetString());
        Assert.Equal(_issuer.ClientId, config.GetProperty("clientId").GetString());
        // The sign-in page may talk to the issuer (discovery, token endpoint), and to nothing else.
        var csp = (await anonymous.GetAsync("/signin")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"connect-src 'self' {_issuer.Authority.GetLeftPart(UriPartial.Authority)};", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_over_plain_http_stops_the_server_unless_https_metadata_is_turned_off()
    {
        await using var app = new RealtimeApp(new() { ["Auth:Authority"] = _issuer.Authority.ToString(), ["Auth:Audience"] = Audience });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Auth:RequireHttpsMetadata", failure.ToString(), StringComparison.Ordinal);
    }
}
