using System.Net;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests.Security;

/// <summary>
/// Issue 23, parts 1–2: every protected route and every hub scope × every role, anonymous, an expired and a wrongly signed
/// token. The agent is A1 and the supervisor supervises T1; A1 works in T1, A2 in T2.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    private static readonly string[] Identities = ["agent", "supervisor", "manager", "ingest", "auditor", "anonymous", "expired", "wrongly-signed"];

    private static readonly int[] Readers = [200, 200, 200, 403, 403, 401, 401, 401];
    private static readonly int[] Supervisors = [403, 200, 200, 403, 403, 401, 401, 401];
    private static readonly int[] Managers = [403, 403, 200, 403, 403, 401, 401, 401];
    private static readonly int[] Public = [200, 200, 200, 200, 200, 200, 200, 200];

    // Expected status per identity, in the order of Identities.
    private static readonly (string Method, string Path, int[] Expected)[] Matrix =
    [
        ("GET", "/api/complaints/m-1", Readers),
        ("GET", "/api/complaints/m-2", Managers),
        ("GET", "/api/complaints?status=open&agent=A1", Readers),
        ("GET", "/api/complaints?status=open&agent=A2", Managers),
        ("GET", "/api/complaints?status=open&team=T1", Supervisors),
        ("GET", "/api/complaints?status=open&team=T2", Managers),
        ("GET", "/api/complaints?status=open", Managers),
        ("GET", "/api/floor/board", Managers),
        ("GET", "/api/floor/kpis/daily?days=7", Managers),
        ("GET", "/api/floor/kpis/weekly?weeks=2", Managers),
        ("GET", "/api/teams", Supervisors),
        ("GET", "/api/teams/T1/board", Supervisors),
        ("GET", "/api/teams/T2/board", Managers),
        ("GET", "/api/floor/alerts", Managers),
        ("GET", "/api/teams/T1/alerts", Supervisors),
        ("GET", "/api/teams/T2/alerts?limit=5", Managers),
        ("GET", "/api/agents/A1/alerts", Readers),
        ("GET", "/api/agents/A2/alerts", Managers),
        ("GET", "/api/teams/T1/kpis/daily?days=7", Supervisors),
        ("GET", "/api/teams/T1/kpis/monthly?months=2", Supervisors),
        ("GET", "/api/teams/T2/kpis/daily?days=7", Managers),
        ("GET", "/api/floor/breaches/by-hour", Managers),
        ("GET", "/api/floor/complaints/by-category?format=xlsx", Managers),
        ("GET", "/api/floor/satisfaction/weekly", Managers),
        ("GET", "/api/teams/T1/breaches/by-hour?days=7", Supervisors),
        ("GET", "/api/teams/T1/complaints/by-category", Supervisors),
        ("GET", "/api/teams/T2/breaches/by-hour", Managers),
        ("GET", "/api/floor/breach-causes?window=qtd&format=csv", Managers),
        ("GET", "/api/agents/A1/scorecard?window=today", Readers),
        ("GET", "/api/agents/A2/scorecard?window=today", Managers),
        ("GET", "/api/agents/A1/quarters", Readers),
        ("GET", "/api/agents/A2/quarters", Managers),
        ("GET", "/api/quarters", Managers),
        ("POST", "/api/events", [403, 403, 403, 202, 403, 401, 401, 401]),
        ("POST", "/api/quarters/2026Q3/close", Managers),
        ("GET", "/api/quarters/2026Q3/snapshot", Managers),
        ("GET", "/api/quarters/2026Q3/ranking", Managers),
        ("GET", "/api/quarters/2026Q3/teams", Managers),
        ("GET", "/api/quarters/2026Q3/verify", Managers),
        ("GET", "/api/complaints/m-1?unmasked=true&reason=matrix", Managers),
        ("GET", "/api/audit", [403, 403, 403, 403, 200, 401, 401, 401]),
        ("GET", "/api/audit?format=csv", [403, 403, 403, 403, 200, 401, 401, 401]),
        ("GET", "/api/auth/me", [200, 200, 200, 200, 200, 401, 401, 401]),
        ("POST", "/hubs/live/negotiate?negotiateVersion=1", Readers),
        ("GET", "/health", Public),
        ("GET", "/api/time", Public),
    ];

    // Whether Subscribe(scope) is allowed, for agent, supervisor and manager (the others cannot connect at all).
    private static readonly (string Scope, bool[] Allowed)[] Scopes =
    [
        ("floor", [false, false, true]),
        ("team:T1", [false, true, true]),
        ("team:T2", [false, false, true]),
        ("agent:A1", [true, true, true]),
        ("agent:A2", [false, false, true]),
    ];

    public async Task InitializeAsync()
    {
        var now = _app.Time.GetUtcNow().AddMinutes(-1);
        var q3 = new DateTimeOffset(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));
        var seeded = await _app.PostEventsAsync(new[]
        {
            Events.Opened("m-1", now, team: "T1", agent: "A1"), Events.Opened("m-2", now, team: "T2", agent: "A2"), Events.Opened("m-q3", q3),
            ScorecardEvents.Service("A1", now, "T1"), ScorecardEvents.Service("A2", now, "T2"),
        });
        Assert.Equal(HttpStatusCode.Accepted, seeded.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string TokenFor(string identity) => identity switch
    {
        "expired" => TestTokens.Create(_app.SigningKey, "old", TestTokens.Roles, lifetime: TimeSpan.FromMinutes(-5)),
        "wrongly-signed" => TestTokens.Create(TestTokens.NewKey(), "forger", TestTokens.Roles),
        _ => TestTokens.Create(_app.SigningKey, "user-" + identity, [identity], agentId: identity == "agent" ? "A1" : null, teamIds: identity == "supervisor" ? ["T1"] : null),
    };

    private HttpClient ClientFor(string identity) => identity == "anonymous" ? _app.CreateAnonymousClient() : _app.CreateClient(TokenFor(identity));

    [Fact]
    public async Task Every_route_answers_every_identity_as_the_table_says()
    {
        var wrong = new List<string>();
        var n = 0;
        foreach (var (method, path, expected) in Matrix)
        {
            for (var i = 0; i < Identities.Length; i++)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (path == "/api/events")
                {
                    var body = $$"""[{"id": "matrix-{{n++}}", "type": "praise.received", "occurredAt": "{{_app.Time.GetUtcNow():O}}", "agentId": "A1"}]""";
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }
                var response = await ClientFor(Identities[i]).SendAsync(request);
                if ((int)response.StatusCode != expected[i]) wrong.Add($"{method} {path} as {Identities[i]}: {(int)response.StatusCode}, expected {expected[i]}");
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    wrong.Add($"{method} {path} as {Identities[i]}: {(int)response.StatusCode} without problem details");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_hub_scope_is_followed_or_refused_as_the_table_says()
    {
        var wrong = new List<string>();
        string[] readers = ["agent", "supervisor", "manager"];
        for (var i = 0; i < readers.Length; i++)
        {
            await using var connection = _app.CreateHubConnection(TokenFor(readers[i]));
            await connection.StartAsync();
            foreach (var (scope, allowed) in Scopes)
            {
                string? refusal = null;
                try
                {
                    await connection.InvokeAsync("Subscribe", scope);
                }
                catch (HubException e)
                {
                    refusal = e.Message;
                }
                if (allowed[i] != (refusal is null)) wrong.Add($"Subscribe('{scope}') as {readers[i]}: {(refusal is null ? "allowed" : "refused: " + refusal)}, expected {(allowed[i] ? "allowed" : "refused")}");
                if (refusal is not null && !refusal.Contains("outside what you may see", StringComparison.Ordinal)) wrong.Add($"unclear refusal: {refusal}");
            }
        }
        foreach (var identity in new[] { "ingest", "auditor", "anonymous", "expired", "wrongly-signed" })
        {
            await using var connection = identity == "anonymous" ? _app.CreateHubConnection("") : _app.CreateHubConnection(TokenFor(identity));
            var refused = await Record.ExceptionAsync(() => connection.StartAsync());
            if (refused is null) wrong.Add($"{identity} connected to the hub");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_connection_follows_at_most_64_scopes()
    {
        await using var connection = _app.CreateHubConnection(_app.AccessToken);
        await connection.StartAsync();
        for (var i = 0; i < 64; i++) await connection.InvokeAsync("Subscribe", "agent:X" + i);
        await connection.InvokeAsync("Subscribe", "agent:X0");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Subscribe", "agent:X64"));
        Assert.Contains("at most 64", refused.Message, StringComparison.Ordinal);
        await connection.InvokeAsync("Unsubscribe", "agent:X1");
        await connection.InvokeAsync("Subscribe", "agent:X64");
    }
}
