using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.Server.Tests.Quarters;

/// <summary>
/// Breach causes in a quarter snapshot: per team and agent, each under the owner at the breach (not whoever owns the
/// complaint when it is explained), the same in the live count, in the snapshot and in its verification from the journal.
/// </summary>
public sealed class QuarterBreachCauseTests : IAsyncLifetime
{
    private PostgresTestDatabase? _database;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_snapshot_counts_explained_breaches_by_team_and_agent_at_the_breach_as_the_live_count_and_its_verification_do(bool postgres)
    {
        Dictionary<string, string?> settings = [];
        if (postgres)
        {
            _database = await PostgresTestDatabase.CreateAsync();
            settings["ConnectionStrings:Postgres"] = _database.ConnectionString;
        }
        await using var app = new RealtimeApp(settings);
        await app.WaitUntilReadyAsync();
        var client = app.CreateClient();
        var opened = QuarterEvents.At(8, 10);
        var events = QuarterEvents.Q3();
        // Opened for A1 in T1 and never answered: first response breaches two minutes later; then the complaint moves to
        // A2 in T2, who explains the breach.
        events.Add(Events.Opened("C-BC-1", opened, team: "T1", agent: "A1"));
        events.Add(Event("complaint.assigned", opened.AddHours(1), ("agentId", "A2"), ("teamId", "T2")));
        events.Add(Event("complaint.breachExplained", opened.AddHours(2), ("agentId", "A2"), ("reasonCode", "workload"), ("clock", "firstResponse")));
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(events, client)).StatusCode);

        var live = await client.GetFromJsonAsync<JsonElement>("/api/floor/breach-causes?from=2026-07-01&to=2026-09-30");
        Assert.Equal(("A1", "T1"), (live.GetProperty("agents")[0].GetProperty("id").GetString(), live.GetProperty("agents")[0].GetProperty("teamId").GetString()));

        var closed = await client.PostAsync("/api/quarters/2026Q3/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var causes = (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("snapshot").GetProperty("breachCauses");
        Assert.Equal(1, causes.GetProperty("total").GetInt32());
        Assert.Equal(1, causes.GetProperty("reasons").GetProperty("workload").GetInt32());
        var team = Assert.Single(causes.GetProperty("teams").EnumerateArray());
        Assert.Equal(("T1", 1), (team.GetProperty("id").GetString(), team.GetProperty("reasons").GetProperty("workload").GetInt32()));
        var agent = Assert.Single(causes.GetProperty("agents").EnumerateArray());
        Assert.Equal(("A1", "T1"), (agent.GetProperty("id").GetString(), agent.GetProperty("teamId").GetString()));
        Assert.Equal(Counts(live), Counts(causes));

        if (!postgres) return;
        var verify = await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify");
        Assert.True(verify.GetProperty("matches").GetBoolean(), verify.GetRawText());
    }

    private static string Counts(JsonElement summary) =>
        string.Join(";", new[] { "teams", "agents" }.SelectMany(list => summary.GetProperty(list).EnumerateArray()
            .Select(c => $"{list}:{c.GetProperty("id").GetString()}/{c.GetProperty("teamId").GetString()}={c.GetProperty("reasons").GetRawText()}")));

    private static Dictionary<string, object?> Event(string type, DateTimeOffset at, params (string Key, string Value)[] fields)
    {
        var e = new Dictionary<string, object?> { ["id"] = Events.NewId(), ["type"] = type, ["occurredAt"] = at.ToString("O"), ["complaintId"] = "C-BC-1" };
        foreach (var (key, value) in fields) e[key] = value;
        return e;
    }
}
