using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>
/// The claims clocks shipped in appsettings.json, end to end: case events over HTTP, case grains on a fake clock, pushes
/// out over a real SignalR client, the case routes and the team's and floor's case KPIs.
/// </summary>
public sealed class CaseClockTests : IAsyncLifetime
{
    // The tests post a case's later steps up front (days ahead of the fake clock), then move the clock through them.
    private readonly RealtimeApp _app = new(new() { ["Ingest:MaxClockSkew"] = "30.00:00:00" });
    private int _events;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_survey_not_accepted_within_3_minutes_warns_then_breaches_live_at_its_due_time_and_is_listed_first()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await PostAsync(Opened("claim-1", opened, amount: 8000, injury: false), Step("claim-1", "surveyDispatched", opened));

        _app.Time.Advance(TimeSpan.FromSeconds(90));
        var warning = await floor.NextAsync("caseWarning");
        Assert.Equal(("claim-1", "claim", "surveyAcceptance", 0.5), (warning.GetProperty("caseId").GetString(), warning.GetProperty("caseType").GetString(), warning.GetProperty("clock").GetString(), warning.GetProperty("fraction").GetDouble()));

        await AdvanceToAsync(floor, opened.AddSeconds(135), "caseWarning");
        await AdvanceToAsync(floor, opened.AddSeconds(162), "caseWarning");
        var breach = await AdvanceToAsync(floor, opened.AddMinutes(3), "caseBreached");
        Assert.Equal(opened.AddMinutes(3), breach.GetProperty("breachedAt").GetDateTimeOffset());
        Assert.Equal(opened.AddMinutes(3), breach.GetProperty("detectedAt").GetDateTimeOffset());
        Assert.False(breach.GetProperty("late").GetBoolean());
        Assert.Equal("T1", breach.GetProperty("teamId").GetString());

        var claim = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases/claim-1");
        Assert.Equal("breached", Clock(claim, "surveyAcceptance").GetProperty("state").GetString());
        Assert.Equal("PT3M", Clock(claim, "surveyAcceptance").GetProperty("target").GetString());
        Assert.DoesNotContain(claim.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("name").GetString()!.EndsWith("Closure", StringComparison.Ordinal));

        await PostAsync(Opened("claim-2", opened.AddMinutes(3), amount: 100, injury: false));
        var list = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases?type=claim&team=T1");
        Assert.Equal(["claim-1", "claim-2"], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(2, list.GetProperty("total").GetInt32());

        var kpis = await floor.NextAsync("caseKpiChanged", p => p.GetProperty("teamId").GetString() == "floor");
        Assert.Equal(0, Kpi(kpis.GetProperty("today"), "surveyAcceptance").GetProperty("rate").GetDouble());
        var team = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/teams/T1/case-kpis?window=today");
        Assert.Equal((0, 1), (Kpi(team.GetProperty("kpis"), "surveyAcceptance").GetProperty("met").GetInt32(), Kpi(team.GetProperty("kpis"), "surveyAcceptance").GetProperty("breached").GetInt32()));
    }

    [Fact]
    public async Task A_breached_survey_clock_climbs_the_escalation_chain_live_and_the_case_shows_its_level()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await PostAsync(Opened("claim-e1", opened, amount: 8000, injury: false), Step("claim-e1", "surveyDispatched", opened));
        Assert.Equal(0, (await GetCaseAsync("claim-e1")).GetProperty("escalationLevel").GetInt32());

        _app.Time.SetUtcNow(opened.AddMinutes(3));
        var teamLead = await floor.NextAsync("caseEscalated");
        Assert.Equal(("claim-e1", "claim", "surveyAcceptance", 1, "teamLead"), (teamLead.GetProperty("caseId").GetString(), teamLead.GetProperty("caseType").GetString(),
            teamLead.GetProperty("clock").GetString(), teamLead.GetProperty("level").GetInt32(), teamLead.GetProperty("role").GetString()));
        Assert.Equal((opened.AddMinutes(3), false, "A1", "T1"), (teamLead.GetProperty("at").GetDateTimeOffset(), teamLead.GetProperty("late").GetBoolean(),
            teamLead.GetProperty("agentId").GetString(), teamLead.GetProperty("teamId").GetString()));
        var claim = await GetCaseAsync("claim-e1");
        Assert.Equal((1, "teamLead"), (claim.GetProperty("escalationLevel").GetInt32(), claim.GetProperty("escalationRole").GetString()));

        // The deputy director 4 h after the breach: the grain armed its next deadline for it.
        var deputy = await AdvanceToAsync(floor, opened.AddMinutes(3).AddHours(4), "caseEscalated");
        Assert.Equal((2, "deputyDirector", opened.AddMinutes(3).AddHours(4)), (deputy.GetProperty("level").GetInt32(), deputy.GetProperty("role").GetString(), deputy.GetProperty("at").GetDateTimeOffset()));
        claim = await GetCaseAsync("claim-e1");
        Assert.Equal((2, "deputyDirector"), (claim.GetProperty("escalationLevel").GetInt32(), claim.GetProperty("escalationRole").GetString()));
        var listed = (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases?type=claim&team=T1")).GetProperty("items")[0];
        Assert.Equal(2, listed.GetProperty("escalationLevel").GetInt32());

        // Accepted late: the breached clock stopped, so the chain climbs no further (no director at +24 h).
        await PostAsync(Step("claim-e1", "surveyAccepted", opened.AddMinutes(3).AddHours(5)));
        _app.Time.SetUtcNow(opened.AddDays(2));
        Assert.Equal(2, (await GetCaseAsync("claim-e1")).GetProperty("escalationLevel").GetInt32());
        Assert.DoesNotContain(floor.Drain(), m => m.Method == "caseEscalated" && m.Payload.GetProperty("level").GetInt32() == 3);
    }

    [Fact]
    public async Task A_small_non_injury_claim_closed_within_7_days_meets_its_clock_and_leaves_the_list()
    {
        var opened = _app.Time.GetUtcNow();
        await using var team = await _app.SubscribeAsync("team:T1");
        await PostAsync(Opened("claim-3", opened, amount: 2500, injury: false));
        Assert.Equal(opened.AddDays(7), Clock(await GetCaseAsync("claim-3"), "smallClaimClosure").GetProperty("dueAt").GetDateTimeOffset());

        _app.Time.Advance(TimeSpan.FromDays(6));
        await PostAsync(Closed("claim-3", opened.AddDays(6)));

        var claim = await GetCaseAsync("claim-3");
        Assert.Equal(("closed", "met"), (claim.GetProperty("status").GetString(), Clock(claim, "smallClaimClosure").GetProperty("state").GetString()));
        Assert.DoesNotContain(claim.GetProperty("clocks").EnumerateArray(), c => c.GetProperty("name").GetString() == "smallInjuryClaimClosure");
        Assert.Equal(0, (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/cases?type=claim")).GetProperty("total").GetInt32());
        var kpis = await team.NextAsync("caseKpiChanged", p => Kpis(p.GetProperty("today")).Contains("smallClaimClosure"));
        Assert.Equal(100, Kpi(kpis.GetProperty("today"), "smallClaimClosure").GetProperty("rate").GetDouble());
    }

    [Fact]
    public async Task A_small_injury_claim_still_open_after_40_days_breaches_at_its_due_time()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        // Assessed at once, so the 40-day clock is the only one running.
        await PostAsync(Opened("claim-4", opened, amount: 4000, injury: true), Step("claim-4", "lossAssessed", opened));

        await AdvanceToAsync(floor, opened.AddDays(20), "caseWarning");
        await AdvanceToAsync(floor, opened.AddDays(30), "caseWarning");
        await AdvanceToAsync(floor, opened.AddDays(36), "caseWarning");
        var breach = await AdvanceToAsync(floor, opened.AddDays(40), "caseBreached");
        Assert.Equal("smallInjuryClaimClosure", breach.GetProperty("clock").GetString());
        Assert.Equal(opened.AddDays(40), breach.GetProperty("breachedAt").GetDateTimeOffset());
        Assert.Equal("breached", Clock(await GetCaseAsync("claim-4"), "smallInjuryClaimClosure").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_claim_followed_up_3_times_within_13_days_complies_one_followed_up_twice_breaches()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await PostAsync(Opened("claim-5", opened), Opened("claim-6", opened));
        await PostAsync(
            Step("claim-5", "followedUp", opened.AddDays(1)), Step("claim-5", "followedUp", opened.AddDays(2)), Step("claim-5", "followedUp", opened.AddDays(3)),
            Step("claim-6", "followedUp", opened.AddDays(1)), Step("claim-6", "followedUp", opened.AddDays(2)));

        await AdvanceToAsync(floor, opened.AddDays(6.5), "caseWarning");
        await AdvanceToAsync(floor, opened.AddDays(9.75), "caseWarning");
        await AdvanceToAsync(floor, opened + AtFraction(TimeSpan.FromDays(13), 0.9), "caseWarning");
        var breach = await AdvanceToAsync(floor, opened.AddDays(13), "caseBreached");
        Assert.Equal("unassessedClaimFollowUp", breach.GetProperty("clock").GetString());
        Assert.Equal(("claim-6", opened.AddDays(13)), (breach.GetProperty("caseId").GetString(), breach.GetProperty("breachedAt").GetDateTimeOffset()));
        var met = Clock(await GetCaseAsync("claim-5"), "unassessedClaimFollowUp");
        Assert.Equal(("met", opened.AddDays(3)), (met.GetProperty("state").GetString(), met.GetProperty("stoppedAt").GetDateTimeOffset()));
        Assert.Equal(3, (await GetCaseAsync("claim-5")).GetProperty("steps").GetProperty("followedUp").GetInt32());
        Assert.DoesNotContain(floor.Drain(), m => m.Method == "caseBreached" && m.Payload.GetProperty("caseId").GetString() == "claim-5");
    }

    [Fact]
    public async Task A_follow_up_record_entered_within_24_hours_meets_its_clock_one_not_entered_breaches()
    {
        var visited = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await PostAsync(Opened("visit-1", visited, caseType: "followup"), Opened("visit-2", visited, caseType: "followup"));
        await PostAsync(Step("visit-1", "recordEntered", visited.AddHours(11)));

        await AdvanceToAsync(floor, visited.AddHours(12), "caseWarning");
        await AdvanceToAsync(floor, visited.AddHours(18), "caseWarning");
        await AdvanceToAsync(floor, visited + AtFraction(TimeSpan.FromHours(24), 0.9), "caseWarning");
        var breach = await AdvanceToAsync(floor, visited.AddHours(24), "caseBreached");
        Assert.Equal(("visit-2", "followupRecordEntry", visited.AddHours(24)), (breach.GetProperty("caseId").GetString(), breach.GetProperty("clock").GetString(), breach.GetProperty("breachedAt").GetDateTimeOffset()));
        Assert.Equal("met", Clock(await GetCaseAsync("visit-1"), "followupRecordEntry").GetProperty("state").GetString());
        var floorKpis = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/floor/case-kpis?window=7d");
        var record = Kpi(floorKpis.GetProperty("kpis"), "followupRecordEntry");
        Assert.Equal((1, 1, 50.0), (record.GetProperty("met").GetInt32(), record.GetProperty("breached").GetInt32(), record.GetProperty("rate").GetDouble()));
    }

    [Fact]
    public async Task An_agent_lists_their_own_open_cases_and_no_one_elses()
    {
        var at = _app.Time.GetUtcNow();
        await PostAsync(Opened("claim-a1", at), Opened("claim-a2", at, agentId: "A2"), Opened("claim-a3", at), Closed("claim-a3", at.AddMinutes(1)));

        var own = _app.CreateClient(Testing.Server.TestTokens.Create(_app.SigningKey, "a1", ["agent"], agentId: "A1", teamIds: ["T1"]));
        var mine = await own.GetFromJsonAsync<JsonElement>("/api/cases?status=open&agent=A1");
        Assert.Equal(["claim-a1"], mine.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(1, mine.GetProperty("total").GetInt32());
        // Another agent's cases, or the team's, are outside an agent's part.
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/api/cases?status=open&agent=A2")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync("/api/cases?status=open")).StatusCode);
        var supervisor = _app.CreateClient(Testing.Server.TestTokens.Create(_app.SigningKey, "s1", ["supervisor"], teamIds: ["T1"]));
        var team = await supervisor.GetFromJsonAsync<JsonElement>("/api/cases?status=open&team=T1");
        Assert.Equal(["claim-a1", "claim-a2"], team.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task Bad_case_events_and_queries_are_refused_naming_the_field_and_change_nothing()
    {
        var at = _app.Time.GetUtcNow();
        var response = await _app.PostEventsAsync(new object[]
        {
            Opened("claim-7", at),
            new { id = "bad-1", type = "case.opened", occurredAt = at, caseId = "claim-8", teamId = "T1", attributes = new { amount = new[] { 1 } } },
            new { id = "bad-2", type = "case.step", occurredAt = at, caseId = "claim-7" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("caseType", body, StringComparison.Ordinal);
        Assert.Contains("attributes.amount", body, StringComparison.Ordinal);
        Assert.Contains("\"step\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/cases/claim-7")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.CreateClient().GetAsync("/api/cases?status=closed")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.CreateClient().GetAsync("/api/floor/case-kpis?window=year")).StatusCode);
    }

    /// <summary>
    /// Moves the clock to <paramref name="at"/> and waits for the push due there. One deadline per step: a grain re-arms its
    /// next deadline in its own turn, so a jump across several would outrun it.
    /// </summary>
    private async Task<JsonElement> AdvanceToAsync(LiveRecorder recorder, DateTimeOffset at, string method)
    {
        _app.Time.SetUtcNow(at);
        return await recorder.NextAsync(method);
    }

    /// <summary>Where a warning fraction falls, rounded to the tick as the clocks round it (11.7 days is not exact in binary).</summary>
    private static TimeSpan AtFraction(TimeSpan target, double fraction) => TimeSpan.FromTicks((long)Math.Round(target.Ticks * fraction, MidpointRounding.AwayFromZero));

    private async Task PostAsync(params object[] events) =>
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(events)).StatusCode);

    private Task<JsonElement> GetCaseAsync(string id) => _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/cases/{id}");

    private object Opened(string caseId, DateTimeOffset at, double? amount = null, bool? injury = null, string caseType = "claim", string agentId = "A1")
    {
        var attributes = new Dictionary<string, object>();
        if (amount is { } a) attributes["amount"] = a;
        if (injury is { } i) attributes["injury"] = i;
        return new { id = $"case-e{++_events}", type = "case.opened", occurredAt = at, caseId, caseType, teamId = "T1", agentId, attributes };
    }

    private object Step(string caseId, string step, DateTimeOffset at) => new { id = $"case-e{++_events}", type = "case.step", occurredAt = at, caseId, step, agentId = "A1" };

    private object Closed(string caseId, DateTimeOffset at) => new { id = $"case-e{++_events}", type = "case.closed", occurredAt = at, caseId };

    private static JsonElement Clock(JsonElement resource, string name) =>
        resource.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static JsonElement Kpi(JsonElement kpis, string clock) => kpis.EnumerateArray().Single(k => k.GetProperty("clock").GetString() == clock);

    private static List<string?> Kpis(JsonElement kpis) => kpis.EnumerateArray().Select(k => k.GetProperty("clock").GetString()).ToList();
}
