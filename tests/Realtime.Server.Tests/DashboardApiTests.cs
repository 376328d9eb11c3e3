using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>
/// What the dashboards read beyond contract v1, end to end: the total score's band, agents on the floor board over
/// <c>?window=</c>, the daily KPI series, and the floor's own <c>kpiChanged</c>.
/// </summary>
public sealed class DashboardApiTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateTimeOffset Now => _app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    /// <summary>domain.md's worked example for <paramref name="agent"/>: a live total of 88.</summary>
    private static List<Dictionary<string, object?>> WorkedExample(string agent, DateTimeOffset at, string team = "T1")
    {
        var events = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 40; i++) events.Add(ScorecardEvents.Service(agent, at.AddMinutes(i), team, firstContactResolved: i < 30, responseSeconds: 30));
        events.Add(ScorecardEvents.Survey(agent, at.AddMinutes(41), 80));
        events.Add(ScorecardEvents.Survey(agent, at.AddMinutes(42), 90));
        for (var i = 0; i < 3; i++) events.Add(ScorecardEvents.Praise(agent, at.AddMinutes(43 + i)));
        events.Add(ScorecardEvents.OpenedAbout("c-" + agent, at.AddMinutes(50), owner: "Z9", about: agent));
        return events;
    }

    [Fact]
    public async Task The_total_score_has_a_band_graded_by_the_satisfaction_edges_and_says_which_edges()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(WorkedExample("A1", Now.AddHours(-1)))).StatusCode);
        // One service only, not first-contact resolved, 30 s: complaint rate 0 % (100), FCR 0 % (0), response (100), no praise (0) → 50.
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { ScorecardEvents.Service("A2", Now, responseSeconds: 30) })).StatusCode);
        var client = _app.CreateClient();

        var card = await client.GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard");
        var weak = await client.GetFromJsonAsync<JsonElement>("/api/agents/A2/scorecard");

        Assert.Equal((88.0, "good"), (card.GetProperty("total").GetDouble(), card.GetProperty("totalBand").GetString()));
        var edges = card.GetProperty("totalBands");
        Assert.Equal((90.0, 80.0, 60.0), (edges.GetProperty("excellent").GetDouble(), edges.GetProperty("good").GetDouble(), edges.GetProperty("pass").GetDouble()));
        Assert.Equal((50.0, "fail"), (weak.GetProperty("total").GetDouble(), weak.GetProperty("totalBand").GetString()));
        var board = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/board");
        Assert.Equal(["good", "fail"], board.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("totalBand").GetString()));
        Assert.Equal(90, board.GetProperty("totalBands").GetProperty("excellent").GetDouble());
    }

    [Fact]
    public async Task Total_band_edges_are_configurable_and_a_bad_edge_stops_the_server_naming_its_key()
    {
        await using (var strict = new RealtimeApp(new() { ["TotalScoreBands:Good"] = "88.5" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await strict.PostEventsAsync(WorkedExample("A1", strict.Time.GetUtcNow().AddHours(-1)))).StatusCode);
            var card = await strict.CreateClient().GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard");
            Assert.Equal((88.0, "pass"), (card.GetProperty("total").GetDouble(), card.GetProperty("totalBand").GetString()));
        }

        await using var bad = new RealtimeApp(new() { ["TotalScoreBands:Pass"] = "85" });
        var error = Assert.ThrowsAny<Exception>(() => bad.CreateClient());
        Assert.Contains("TotalScoreBands", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_floor_board_lists_every_agent_with_its_team_and_both_boards_score_agents_over_the_window()
    {
        var at = Now;
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(WorkedExample("A1", at.AddDays(-2)))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[]
        {
            ScorecardEvents.Service("A1", at, responseSeconds: 700),
            ScorecardEvents.Service("B1", at, team: "T2", firstContactResolved: true, responseSeconds: 30),
        })).StatusCode);
        var client = _app.CreateClient();

        var today = await client.GetFromJsonAsync<JsonElement>("/api/floor/board");
        var week = await client.GetFromJsonAsync<JsonElement>("/api/floor/board?window=7d");
        var teamWeek = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/board?window=7d");

        Assert.Equal([("B1", "T2", "today"), ("A1", "T1", "today")], Agents(today).Select(a => (a.Id, a.Team, a.Window)));
        // Today A1 has one slow (fail), unresolved (fail) service, no praise (fail) and no complaint (excellent); over 7 days the worked example dominates.
        Assert.Equal(25, Total(today, "A1"));
        Assert.Equal([("A1", "T1", "7d"), ("B1", "T2", "7d")], Agents(week).Select(a => (a.Id, a.Team, a.Window)));
        Assert.True(Total(week, "A1") > 80, $"7-day total of A1: {Total(week, "A1")}");
        Assert.Equal(Total(week, "A1"), Total(teamWeek, "A1"));
        Assert.Equal("7d", teamWeek.GetProperty("agents")[0].GetProperty("window").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/floor/board?window=month")).StatusCode);
    }

    [Fact]
    public async Task Daily_kpi_series_of_a_team_and_of_the_floor_one_point_per_day_ending_today()
    {
        var at = Now;
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new object[]
        {
            ScorecardEvents.Survey("A1", at.AddDays(-2), 90),
            ScorecardEvents.Service("A1", at.AddDays(-2), firstContactResolved: true),
            ScorecardEvents.Service("A1", at, firstContactResolved: false),
            ScorecardEvents.Survey("A1", at, 70),
            ScorecardEvents.Service("B1", at, team: "T2", firstContactResolved: true),
            ScorecardEvents.Survey("B1", at, 90),
        })).StatusCode);
        var client = _app.CreateClient();

        var team = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/kpis/daily?days=3");
        var floor = await client.GetFromJsonAsync<JsonElement>("/api/floor/kpis/daily?days=3");

        Assert.Equal(("T1", "2026-10-31", "2026-11-02"), (team.GetProperty("teamId").GetString(), team.GetProperty("from").GetString(), team.GetProperty("to").GetString()));
        var days = team.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(["2026-10-31", "2026-11-01", "2026-11-02"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.Equal([9.0, null, 7.0], days.Select(d => Value(d, "satisfactionAverage10")));
        Assert.Equal([100.0, null, 0.0], days.Select(d => Value(d, "firstContactResolutionRate")));
        Assert.Equal([1, 0, 1], days.Select(d => d.GetProperty("servicesHandled").GetInt32()));
        Assert.Equal(8, days[2].GetProperty("satisfactionAverage10").GetProperty("target").GetDouble());
        Assert.False(days[2].GetProperty("satisfactionAverage10").GetProperty("met").GetBoolean());

        Assert.Equal("floor", floor.GetProperty("floor").GetProperty("teamId").GetString());
        Assert.Equal([9.0, null, 8.0], floor.GetProperty("floor").GetProperty("days").EnumerateArray().Select(d => Value(d, "satisfactionAverage10")));
        Assert.Equal(["T1", "T2"], floor.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()));

        var defaults = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/kpis/daily");
        Assert.Equal(14, defaults.GetProperty("days").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/nope/kpis/daily")).StatusCode);
        var tooMany = await client.GetAsync("/api/floor/kpis/daily?days=91");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("days", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_floor_pushes_its_own_kpis_to_the_floor_scope_when_they_change()
    {
        await using var floor = await _app.SubscribeAsync("floor");
        await using var team = await _app.SubscribeAsync("team:T1");
        var at = Now;
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new object[]
        {
            ScorecardEvents.Survey("A1", at, 60),
            ScorecardEvents.Service("A1", at),
            ScorecardEvents.Survey("B1", at, 100),
            ScorecardEvents.Service("B1", at, team: "T2"),
            Events.Opened("c-1", at, agent: "A1"),
            Events.Opened("c-2", at, team: "T2", agent: "B1"),
        })).StatusCode);

        _app.Time.Advance(TimeSpan.FromSeconds(1));
        var pushed = await floor.NextAsync("kpiChanged", p => p.GetProperty("teamId").GetString() == "floor");

        Assert.Equal(("today", 2), (pushed.GetProperty("window").GetString(), pushed.GetProperty("openComplaints").GetInt32()));
        Assert.Equal(8, pushed.GetProperty("satisfactionAverage10").GetProperty("value").GetDouble());
        // The floor's figures go to the floor scope only, not to a team's subscribers.
        Assert.DoesNotContain(team.Drain(), m => m.Method == "kpiChanged" && m.Payload.GetProperty("teamId").GetString() == "floor");

        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("c-3", at.AddMinutes(1), team: "T2", agent: "B1") })).StatusCode);
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        var next = await floor.NextAsync("kpiChanged", p => p.GetProperty("teamId").GetString() == "floor");
        Assert.Equal(3, next.GetProperty("openComplaints").GetInt32());
    }

    private static double? Value(JsonElement day, string kpi) =>
        day.GetProperty(kpi).GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    private static IEnumerable<(string? Id, string? Team, string? Window)> Agents(JsonElement board) =>
        board.GetProperty("agents").EnumerateArray().Select(a => (a.GetProperty("agentId").GetString(), a.GetProperty("teamId").GetString(), a.GetProperty("window").GetString()));

    private static double Total(JsonElement board, string agent) =>
        board.GetProperty("agents").EnumerateArray().First(a => a.GetProperty("agentId").GetString() == agent).GetProperty("total").GetDouble();
}
