using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary><c>GET /api/teams</c>, <c>/api/teams/{id}/board</c>, <c>/api/floor/board</c> and <c>kpiChanged</c>, end to end.</summary>
public sealed class BoardTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Team_board_shows_open_complaints_with_clocks_agents_scores_and_kpis_with_targets()
    {
        var at = _app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        await using var team = await _app.SubscribeAsync("team:T1");
        await _app.PostEventsAsync(new object[]
        {
            ScorecardEvents.Service("A1", at, firstContactResolved: true, responseSeconds: 20),
            ScorecardEvents.Service("A2", at, responseSeconds: 400),
            ScorecardEvents.Service("B1", at, team: "T2"),
            Events.Opened("c-1", at, agent: "A1"),
            Events.Opened("c-2", at, team: "T2", agent: "B1"),
            ScorecardEvents.Survey("A1", at.AddMinutes(1), 90),
        });
        var pushed = await team.NextAsync("kpiChanged", p => p.GetProperty("openComplaints").GetInt32() == 1
            && p.GetProperty("satisfactionAverage10").GetProperty("value") is { ValueKind: JsonValueKind.Number } satisfaction && satisfaction.GetDouble() == 9);
        var client = _app.CreateClient();

        var board = await client.GetFromJsonAsync<JsonElement>("/api/teams/T1/board");

        Assert.Equal("T1", board.GetProperty("teamId").GetString());
        Assert.Equal("T1", pushed.GetProperty("teamId").GetString());
        var complaints = board.GetProperty("complaints");
        Assert.Equal(1, complaints.GetProperty("total").GetInt32());
        var complaint = complaints.GetProperty("items")[0];
        Assert.Equal("c-1", complaint.GetProperty("id").GetString());
        Assert.Equal("running", complaint.GetProperty("clocks").EnumerateArray().First(c => c.GetProperty("name").GetString() == "firstResponse").GetProperty("state").GetString());
        Assert.Equal(["A1", "A2"], board.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));
        Assert.Equal((80.0, 40.0), (board.GetProperty("agents")[0].GetProperty("total").GetDouble(), board.GetProperty("agents")[1].GetProperty("total").GetDouble()));
        var kpis = board.GetProperty("kpis");
        Assert.Equal(1, kpis.GetProperty("openComplaints").GetInt32());
        var satisfaction = kpis.GetProperty("satisfactionAverage10");
        Assert.Equal((9.0, 8.0, true), (satisfaction.GetProperty("value").GetDouble(), satisfaction.GetProperty("target").GetDouble(), satisfaction.GetProperty("met").GetBoolean()));
        Assert.Equal(50, kpis.GetProperty("firstContactResolutionRate").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, kpis.GetProperty("resolvedWithin48hRate").GetProperty("value").ValueKind);
        Assert.Equal(95, kpis.GetProperty("resolvedWithin48hRate").GetProperty("target").GetDouble());

        var teams = await client.GetFromJsonAsync<JsonElement>("/api/teams");
        Assert.Equal(["T1", "T2"], teams.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()));
        Assert.Equal(1, teams.GetProperty("items")[0].GetProperty("openComplaints").GetInt32());

        var floor = await client.GetFromJsonAsync<JsonElement>("/api/floor/board?window=qtd&limit=1");
        Assert.Equal(2, floor.GetProperty("floor").GetProperty("openComplaints").GetInt32());
        Assert.Equal("qtd", floor.GetProperty("window").GetString());
        Assert.Equal(2, floor.GetProperty("teams").GetArrayLength());
        Assert.Equal(2, floor.GetProperty("complaints").GetProperty("total").GetInt32());
        Assert.Equal(1, floor.GetProperty("complaints").GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_team_is_404_and_bad_parameters_are_400_naming_them()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/teams/nope/board")).StatusCode);
        var badWindow = await client.GetAsync("/api/floor/board?window=year");
        var badLimit = await client.GetAsync("/api/floor/board?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.StatusCode);
        Assert.Equal("window", (await badWindow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("limit", (await badLimit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
