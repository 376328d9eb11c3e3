using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Realtime.Server.Tests.Quarters;

/// <summary>Quarter close through the API on in-memory storage (the server clock stands at 2026-11-02, in 2026Q4).</summary>
public sealed class QuarterApiTests
{
    private static JsonElement Agent(JsonElement answer, string id) =>
        answer.GetProperty("snapshot").GetProperty("agents").EnumerateArray().Single(a => a.GetProperty("agentId").GetString() == id);

    private static async Task<JsonElement> CloseJsonAsync(HttpClient client, string path) =>
        await (await client.PostAsync(path, null)).Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<(HttpResponseMessage Response, string Body)> CloseAsync(HttpClient client, string quarter)
    {
        var response = await client.PostAsync($"/api/quarters/{quarter}/close", null);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Closing_freezes_the_hand_computed_appraisal_and_closing_again_returns_the_same_bytes()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(QuarterEvents.Q3(), client)).StatusCode);

        var (first, body) = await CloseAsync(client, "2026Q3");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.Equal("2026Q3", answer.GetProperty("quarter").GetString());
        Assert.Equal(0, answer.GetProperty("lateEvents").GetInt32());
        var a1 = Agent(answer, "A1");
        Assert.Equal(75.0769, a1.GetProperty("selfTotal").GetDouble());
        Assert.Equal(82.7692, a1.GetProperty("supervisorTotal").GetDouble());
        Assert.Equal(80.4615, a1.GetProperty("finalScore").GetDouble());
        Assert.Equal(1.0, a1.GetProperty("bonusCoefficient").GetDouble());
        Assert.Equal(2, a1.GetProperty("rankOnFloor").GetInt32());
        Assert.Equal(81.7308, Agent(answer, "A3").GetProperty("finalScore").GetDouble());
        Assert.Equal(0, Agent(answer, "A2").GetProperty("bonusCoefficient").GetDouble());
        var teams = answer.GetProperty("snapshot").GetProperty("teams").EnumerateArray().ToDictionary(t => t.GetProperty("teamId").GetString()!);
        Assert.Equal(1, teams["T2"].GetProperty("rank").GetInt32());
        Assert.Equal(2, teams["T1"].GetProperty("rank").GetInt32());
        Assert.Equal(4, teams["T1"].GetProperty("kpis").GetProperty("servicesHandled").GetInt32());
        var snapshotBytes = Encoding.UTF8.GetBytes(answer.GetProperty("snapshot").GetRawText());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(snapshotBytes)), answer.GetProperty("hash").GetString());

        var (second, again) = await CloseAsync(client, "2026Q3");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(body, again);
        Assert.Equal(body, await client.GetStringAsync("/api/quarters/2026Q3/snapshot"));
    }

    [Fact]
    public async Task A_quarter_closed_right_after_its_events_were_acknowledged_holds_every_agent_and_team()
    {
        // As the server ships: busy teams and agents defer their pushes, which once deferred the team's registration too.
        await using var app = new RealtimeApp(new() { ["Checkpoints:DeferredStageDelay"] = "00:00:00.25" });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(QuarterEvents.Q3(), client)).StatusCode);

        var (closed, body) = await CloseAsync(client, "2026Q3");
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var snapshot = JsonDocument.Parse(body).RootElement.GetProperty("snapshot");
        Assert.Equal(new[] { "A1", "A2", "A3" }, snapshot.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()!).Order().ToArray());
        Assert.Equal(new[] { "T1", "T2" }, snapshot.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task A_late_event_leaves_the_snapshot_unchanged_and_is_counted()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        await app.PostEventsAsync(QuarterEvents.Q3(), client);
        var closed = await CloseJsonAsync(client, "/api/quarters/2026Q3/close");

        await app.PostEventsAsync(new[] { ScorecardEvents.Praise("A2", QuarterEvents.At(9, 20)), ScorecardEvents.Praise("A2", QuarterEvents.At(11, 1)) }, client);

        var after = await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/snapshot");
        Assert.Equal(closed.GetProperty("hash").GetString(), after.GetProperty("hash").GetString());
        Assert.Equal(closed.GetProperty("snapshot").GetRawText(), after.GetProperty("snapshot").GetRawText());
        Assert.Equal(1, after.GetProperty("lateEvents").GetInt32());
    }

    [Fact]
    public async Task An_unfinished_quarter_is_refused_with_its_end_and_a_malformed_one_names_the_field()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();

        var (open, body) = await CloseAsync(client, "2026Q4");
        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Contains("2027-01-01T00:00:00+08:00", body);

        var bad = await client.PostAsync("/api/quarters/2026q3/close", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("quarter", problem.GetProperty("errors")[0].GetProperty("field").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/quarters/2026Q3/snapshot")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/quarters/2026-3/verify")).StatusCode);
    }

    [Fact]
    public async Task The_csv_has_a_bom_bilingual_headers_in_order_and_a_dated_file_name()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        await app.PostEventsAsync(QuarterEvents.Q3(), client);
        await client.PostAsync("/api/quarters/2026Q3/close", null);

        var response = await client.GetAsync("/api/quarters/2026Q3/snapshot?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("realtime-2026Q3.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("工号 / Agent,团队 / Team,自评总分 / Self total,主管评分总分 / Supervisor total,最终得分 / Final score,奖金系数 / Bonus coefficient,组内排名 / Rank in team,全场排名 / Rank on floor,", lines[0]);
        Assert.Equal(["A1", "A2", "A3"], lines.Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task The_list_the_agent_trend_and_verify_tell_what_is_closed_and_what_memory_cannot_do()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        await app.PostEventsAsync(QuarterEvents.Q3(), client);

        var before = await client.GetFromJsonAsync<JsonElement>("/api/quarters");
        Assert.Equal([("2026Q4", "open"), ("2026Q3", "closable")], before.EnumerateArray().Select(q => (q.GetProperty("quarter").GetString(), q.GetProperty("status").GetString())));

        var closed = await CloseJsonAsync(client, "/api/quarters/2026Q3/close");
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/quarters")).EnumerateArray().Single(q => q.GetProperty("quarter").GetString() == "2026Q3");
        Assert.Equal("closed", after.GetProperty("status").GetString());
        Assert.Equal(closed.GetProperty("hash").GetString(), after.GetProperty("hash").GetString());

        var trend = await client.GetFromJsonAsync<JsonElement>("/api/agents/A1/quarters");
        var q3 = Assert.Single(trend.EnumerateArray());
        Assert.Equal(("2026Q3", 80.4615, 1), (q3.GetProperty("quarter").GetString(), q3.GetProperty("finalScore").GetDouble(), q3.GetProperty("rankInTeam").GetInt32()));

        var verify = await client.GetFromJsonAsync<JsonElement>("/api/quarters/2026Q3/verify");
        Assert.False(verify.GetProperty("verifiable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("matches").ValueKind);
        Assert.Contains("ConnectionStrings:Postgres", verify.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_event_on_each_side_of_midnight_Shanghai_lands_in_its_own_quarter()
    {
        await using var app = new RealtimeApp();
        var client = app.CreateClient();
        await app.PostEventsAsync(new[]
        {
            ScorecardEvents.Service("edge-q3", new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.FromHours(8)), "T9"),
            ScorecardEvents.Service("edge-q4", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)), "T9"),
        }, client);

        var q3 = await CloseJsonAsync(client, "/api/quarters/2026Q3/close");
        Assert.Equal(["edge-q3"], q3.GetProperty("snapshot").GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));

        app.Time.Advance(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) - app.Time.GetUtcNow());
        var q4 = await CloseJsonAsync(client, "/api/quarters/2026Q4/close");
        Assert.Equal(["edge-q4"], q4.GetProperty("snapshot").GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));
    }
}
