using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary><c>GET /api/agents/{id}/scorecard</c>, <c>scoreChanged</c> pushes and validation of agent events, end to end.</summary>
public sealed class ScorecardTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private DateTimeOffset Now => _app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    [Fact]
    public async Task The_worked_example_of_domain_md_answers_a_total_of_88_over_customer_satisfaction()
    {
        // Within the day, and behind the server clock (ingest refuses instants more than 5 minutes ahead of it).
        var at = Now.AddHours(-1);
        var events = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 40; i++) events.Add(ScorecardEvents.Service("A1", at.AddMinutes(i), firstContactResolved: i < 30, responseSeconds: 30));
        events.Add(ScorecardEvents.Survey("A1", at.AddMinutes(41), 80));
        events.Add(ScorecardEvents.Survey("A1", at.AddMinutes(42), 90));
        for (var i = 0; i < 3; i++) events.Add(ScorecardEvents.Praise("A1", at.AddMinutes(43 + i)));
        events.Add(ScorecardEvents.OpenedAbout("c-88", at.AddMinutes(50), owner: "A2", about: "A1"));
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(events)).StatusCode);

        var card = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard?window=today");

        Assert.Equal(88, card.GetProperty("total").GetDouble());
        Assert.Equal("today", card.GetProperty("window").GetString());
        Assert.Equal("T1", card.GetProperty("teamId").GetString());
        Assert.Equal(["customer_satisfaction"], card.GetProperty("coveredDimensions").EnumerateArray().Select(d => d.GetString()));
        var dimension = card.GetProperty("dimensions").EnumerateArray().First(d => d.GetProperty("id").GetString() == "customer_satisfaction");
        Assert.Equal((88.0, 40.0), (dimension.GetProperty("score").GetDouble(), dimension.GetProperty("weight").GetDouble()));
        Assert.Equal((85.0, "good", 80.0), Indicator(card, "satisfaction"));
        Assert.Equal((2.5, "excellent", 100.0), Indicator(card, "complaint_rate"));
        Assert.Equal((75.0, "good", 80.0), Indicator(card, "first_contact_resolution"));
        Assert.Equal((30.0, "excellent", 100.0), Indicator(card, "avg_response_time"));
        Assert.Equal((3.0, "good", 80.0), Indicator(card, "praise_count"));
        var knowledge = card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "knowledge_test");
        Assert.Equal(JsonValueKind.Null, knowledge.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, knowledge.GetProperty("band").ValueKind);
        Assert.Equal("Knowledge test", knowledge.GetProperty("label").GetProperty("en").GetString());
        Assert.Equal("业务知识考试", knowledge.GetProperty("label").GetProperty("zh").GetString());
        // The rubric's edges travel with each indicator, so a view can say what reaches the next band.
        var satisfaction = card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "satisfaction");
        Assert.Equal("higherIsBetter", satisfaction.GetProperty("direction").GetString());
        Assert.Equal((90.0, 80.0, 60.0), (satisfaction.GetProperty("edges").GetProperty("excellent").GetDouble(),
            satisfaction.GetProperty("edges").GetProperty("good").GetDouble(), satisfaction.GetProperty("edges").GetProperty("pass").GetDouble()));
        var rate = card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "complaint_rate");
        Assert.Equal("lowerIsBetter", rate.GetProperty("direction").GetString());
        var business = card.GetProperty("dimensions").EnumerateArray().First(d => d.GetProperty("id").GetString() == "business_ability");
        Assert.Equal(JsonValueKind.Null, business.GetProperty("score").ValueKind);
    }

    [Fact]
    public async Task Default_window_is_today_a_bad_window_is_a_400_naming_it_and_an_unknown_agent_is_404()
    {
        await _app.PostEventsAsync(new[] { ScorecardEvents.Service("A1", Now, responseSeconds: 10) });
        var client = _app.CreateClient();

        var byDefault = await client.GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard");
        var week = await client.GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard?window=7d");
        var bad = await client.GetAsync("/api/agents/A1/scorecard?window=month");
        var unknown = await client.GetAsync("/api/agents/nobody/scorecard");

        Assert.Equal("today", byDefault.GetProperty("window").GetString());
        Assert.Equal("7d", week.GetProperty("window").GetString());
        Assert.Equal(Now.Date.AddDays(-6), week.GetProperty("from").GetDateTime());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("window", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Fifty_quick_changes_push_a_few_coalesced_scores_in_order_and_the_last_carries_the_final_score()
    {
        await using var live = await _app.SubscribeAsync("agent:A1");
        var at = Now;
        await _app.PostEventsAsync(new[] { ScorecardEvents.Service("A1", at, responseSeconds: 10) });
        for (var i = 0; i < 50; i++) await _app.PostEventsAsync(new[] { ScorecardEvents.Praise("A1", at.AddSeconds(i)) });

        var final = await live.NextAsync("scoreChanged", p => p.GetProperty("window").GetString() == "today" && Praise(p) == 50);
        var today = live.Seen.Where(s => s.Method == "scoreChanged" && s.Payload.GetProperty("window").GetString() == "today").Select(s => s.Payload).ToList();
        var read = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/agents/A1/scorecard");

        Assert.Equal(read.GetProperty("total").GetDouble(), final.GetProperty("total").GetDouble());
        Assert.Equal(today.Select(Praise).Order(), today.Select(Praise));
        Assert.True(today.Count < 51, $"{today.Count} pushes for 51 changes");
        Assert.Equal("A1", final.GetProperty("agentId").GetString());
        Assert.Equal("T1", final.GetProperty("teamId").GetString());
    }

    [Theory]
    [InlineData("score", "survey.submitted", 101.0)]
    [InlineData("score", "survey.submitted", -1.0)]
    [InlineData("indicator", "agent.rated", "no_such_indicator")]
    [InlineData("value", "agent.rated", "ninety")]
    public async Task A_bad_score_indicator_or_value_is_a_400_naming_the_field_and_nothing_of_the_batch_is_applied(string field, string type, object bad)
    {
        var at = Now;
        var badEvent = type == "survey.submitted"
            ? ScorecardEvents.Survey("A9", at, bad)
            : field == "indicator" ? ScorecardEvents.Rated("A9", at, (string)bad, 90) : ScorecardEvents.Rated("A9", at, "knowledge_test", bad);

        var response = await _app.PostEventsAsync(new[] { ScorecardEvents.Service("A9", at), badEvent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal((1, field), (errors[0].GetProperty("index").GetInt32(), errors[0].GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/agents/A9/scorecard")).StatusCode);
    }

    [Fact]
    public async Task A_configured_manual_indicator_rating_is_accepted_and_scored()
    {
        var response = await _app.PostEventsAsync(new[] { ScorecardEvents.Rated("A3", Now, "knowledge_test", 85) });
        var card = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/agents/A3/scorecard?window=qtd");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((85.0, "good", 80.0), Indicator(card, "knowledge_test"));
        Assert.Equal(["business_ability"], card.GetProperty("coveredDimensions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(80, card.GetProperty("total").GetDouble());
    }

    private static double Praise(JsonElement card) =>
        card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "praise_count").GetProperty("value").GetDouble();

    private static (double, string?, double) Indicator(JsonElement card, string id)
    {
        var i = card.GetProperty("indicators").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
        return (i.GetProperty("value").GetDouble(), i.GetProperty("band").GetString(), i.GetProperty("points").GetDouble());
    }
}
