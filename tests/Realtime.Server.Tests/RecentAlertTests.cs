using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests;

/// <summary>
/// <c>GET /api/floor/alerts</c>, <c>/api/teams/{id}/alerts</c>, <c>/api/agents/{id}/alerts</c>: what a board opened after
/// the alerts were pushed shows in its ticker.
/// </summary>
public sealed class RecentAlertTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();
    private DateTimeOffset _opened;

    public async Task InitializeAsync()
    {
        _opened = _app.Time.GetUtcNow();
        // Only a floor board is open while the alerts happen: the team's and agents' alerts are kept all the same.
        await using var floor = await _app.SubscribeAsync("floor");
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("c-1", _opened, team: "T1", agent: "A1") })).StatusCode);
        await RunFirstResponseClockAsync(floor, "c-1");
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("c-2", _app.Time.GetUtcNow(), team: "T2", agent: "A2") })).StatusCode);
        await RunFirstResponseClockAsync(floor, "c-2");
    }

    /// <summary>
    /// Moves the clock through every warning of <paramref name="complaint"/>'s 2-minute first response to its breach, one
    /// deadline at a time, waiting for each push (in one jump the warnings passed unseen would be folded into the breach).
    /// </summary>
    private async Task RunFirstResponseClockAsync(LiveRecorder floor, string complaint)
    {
        foreach (var (seconds, fraction) in new[] { (60, 0.5), (30, 0.75), (18, 0.9) })
        {
            _app.Time.Advance(TimeSpan.FromSeconds(seconds));
            await floor.NextAsync("slaWarning", p => p.GetProperty("complaintId").GetString() == complaint && p.GetProperty("fraction").GetDouble() == fraction);
        }
        _app.Time.Advance(TimeSpan.FromSeconds(12));
        await floor.NextAsync("slaBreached", p => p.GetProperty("complaintId").GetString() == complaint);
        await floor.NextAsync("escalated", p => p.GetProperty("complaintId").GetString() == complaint);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static List<(string Kind, string? Complaint, DateTimeOffset At)> Summary(JsonElement answer) =>
        answer.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("payload").GetProperty("complaintId").GetString(), i.GetProperty("at").GetDateTimeOffset()))
            .ToList();

    [Fact]
    public async Task A_team_board_opened_after_a_breach_gets_its_warning_breach_and_escalation_newest_first()
    {
        var answer = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/teams/T1/alerts");

        Assert.Equal(
            [
                ("escalated", "c-1", _opened.AddSeconds(120)), ("breached", "c-1", _opened.AddSeconds(120)), ("warning", "c-1", _opened.AddSeconds(108)),
                ("warning", "c-1", _opened.AddSeconds(90)), ("warning", "c-1", _opened.AddSeconds(60)),
            ],
            Summary(answer));
        var items = answer.GetProperty("items");
        // The payloads are the hub's.
        Assert.Equal(("teamLead", 1), (items[0].GetProperty("payload").GetProperty("role").GetString(), items[0].GetProperty("payload").GetProperty("level").GetInt32()));
        Assert.Equal(_opened.AddMinutes(2), items[1].GetProperty("payload").GetProperty("breachedAt").GetDateTimeOffset());
        Assert.Equal("firstResponse", items[1].GetProperty("payload").GetProperty("clock").GetString());
        Assert.Equal([0.9, 0.75, 0.5], items.EnumerateArray().Skip(2).Select(i => i.GetProperty("payload").GetProperty("fraction").GetDouble()));
        Assert.Equal(_opened.AddMinutes(2), items[4].GetProperty("payload").GetProperty("dueAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_floor_has_every_teams_alerts_and_an_agent_only_their_own()
    {
        var client = _app.CreateClient();

        var floor = Summary(await client.GetFromJsonAsync<JsonElement>("/api/floor/alerts"));
        var agent = Summary(await client.GetFromJsonAsync<JsonElement>("/api/agents/A2/alerts"));

        string[] kinds = ["escalated", "breached", "warning", "warning", "warning"];
        Assert.Equal([.. kinds.Select(k => (k, "c-2")), .. kinds.Select(k => (k, "c-1"))], floor.Select(a => (a.Kind, a.Complaint!)));
        Assert.Equal(kinds.Select(k => (k, "c-2")), agent.Select(a => (a.Kind, a.Complaint!)));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/teams/T9/alerts")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Limit_keeps_the_newest_and_a_bad_limit_is_400_naming_it()
    {
        var client = _app.CreateClient();

        var newest = Summary(await client.GetFromJsonAsync<JsonElement>("/api/floor/alerts?limit=2"));

        Assert.Equal([("escalated", "c-2"), ("breached", "c-2")], newest.Select(a => (a.Kind, a.Complaint)));
        foreach (var bad in new[] { "0", "101", "ten", "-1", "" })
        {
            var answer = await client.GetAsync($"/api/teams/T1/alerts?limit={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Equal("limit", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task A_supervisor_reads_only_their_teams_and_an_agent_only_their_own_alerts()
    {
        var supervisor = _app.CreateClient(TestTokens.Create(_app.SigningKey, "sup-1", ["supervisor"], teamIds: ["T1"]));
        var agent = _app.CreateClient(TestTokens.Create(_app.SigningKey, "agent-1", ["agent"], agentId: "A1"));

        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/teams/T1/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/teams/T2/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/floor/alerts")).StatusCode);
        Assert.Equal(["c-1"], Summary(await agent.GetFromJsonAsync<JsonElement>("/api/agents/A1/alerts")).Select(a => a.Complaint).Distinct());
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/agents/A2/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/teams/T1/alerts")).StatusCode);
    }

    [Fact]
    public async Task No_answer_carries_the_customers_name_or_phone()
    {
        var client = _app.CreateClient();

        foreach (var path in new[] { "/api/floor/alerts", "/api/teams/T1/alerts", "/api/agents/A1/alerts" })
        {
            var body = await client.GetStringAsync(path);
            Assert.Contains("c-1", body);
            Assert.DoesNotContain("张三丰", body);
            Assert.DoesNotContain("\\u5F20", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1381234", body);
            Assert.DoesNotContain("customer", body, StringComparison.OrdinalIgnoreCase);
        }
    }
}
