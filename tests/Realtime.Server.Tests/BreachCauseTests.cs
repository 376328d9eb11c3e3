using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>Breach causes end to end: a breach, its explanation by a supervisor, the causes per reason, team and agent.</summary>
public sealed class BreachCauseTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_explained_breach_counts_for_the_owner_and_team_under_its_reason_and_a_new_explanation_replaces_it()
    {
        // Both opened 10 minutes ago: they breach as they are applied, before the 202.
        var opened = _app.Time.GetUtcNow().AddMinutes(-10);
        await PostAsync(Events.Opened("c-late", opened, agent: "A1", team: "T1"),
            new { id = "case-open", type = "case.opened", occurredAt = opened, caseId = "claim-late", caseType = "claim", teamId = "T2", agentId = "A7" },
            new { id = "case-dispatch", type = "case.step", occurredAt = opened, caseId = "claim-late", step = "surveyDispatched" });

        await PostAsync(
            new { id = "why-1", type = "complaint.breachExplained", occurredAt = opened.AddMinutes(3), complaintId = "c-late", clock = "firstResponse", reasonCode = "customerUnreachable", agentId = "S1" },
            new { id = "why-2", type = "case.breachExplained", occurredAt = opened.AddMinutes(3), caseId = "claim-late", reasonCode = "systemFault", reason = "dispatch app down" });

        var causes = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/floor/breach-causes?window=today");
        Assert.Equal(2, causes.GetProperty("total").GetInt32());
        Assert.Equal(1, causes.GetProperty("reasons").GetProperty("customerUnreachable").GetInt32());
        Assert.Equal(["A1", "A7"], causes.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order());
        Assert.Equal(["T1", "T2"], causes.GetProperty("teams").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order());

        await PostAsync(new { id = "why-3", type = "complaint.breachExplained", occurredAt = opened.AddMinutes(4), complaintId = "c-late", clock = "firstResponse", reasonCode = "workload" });
        var team = await _app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/teams/T1/breach-causes?from={Day(opened)}&to={Day(opened)}");
        Assert.Equal(1, team.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Undefined, team.GetProperty("reasons").TryGetProperty("customerUnreachable", out var gone) ? gone.ValueKind : JsonValueKind.Undefined);
        Assert.Equal(1, team.GetProperty("reasons").GetProperty("workload").GetInt32());
    }

    [Fact]
    public async Task Unknown_reasons_other_without_a_text_and_bad_windows_are_refused_naming_the_field()
    {
        var at = _app.Time.GetUtcNow();
        var response = await _app.PostEventsAsync(new object[]
        {
            new { id = "bad-why-1", type = "complaint.breachExplained", occurredAt = at, complaintId = "c-1", reasonCode = "moonPhase" },
            new { id = "bad-why-2", type = "case.breachExplained", occurredAt = at, caseId = "x-1", reasonCode = "other" },
            new { id = "bad-why-3", type = "case.breachExplained", occurredAt = at, caseId = "x-1" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(0, "reasonCode"), (1, "reason"), (2, "reasonCode")], errors);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/complaints/c-1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.CreateClient().GetAsync("/api/floor/breach-causes?window=year")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.CreateClient().GetAsync("/api/floor/breach-causes?from=2026-10-31&to=2026-10-01")).StatusCode);
        var reasons = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/breach-causes/reasons");
        Assert.Contains("awaitingDocuments", reasons.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task PostAsync(params object[] events) =>
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(events)).StatusCode);

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
