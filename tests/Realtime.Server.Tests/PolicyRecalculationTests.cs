using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Realtime.Testing.Server;

namespace Realtime.Server.Tests;

/// <summary>
/// A policy change by configuration reload, then <c>POST /api/policies/recalculate</c>: a dry run answers the diff and
/// changes nothing; applied, it moves running complaints and cases to the new version, pushes what changed over a real
/// SignalR client, and is recorded in the access audit. Closed quarters stay as they were.
/// </summary>
public sealed class PolicyRecalculationTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new(new() { ["Ingest:MaxClockSkew"] = "30.00:00:00" });
    private DateTimeOffset _now;

    public async Task InitializeAsync()
    {
        _now = _app.Time.GetUtcNow();
        // A complaint responded in time whose 48-hour resolution clock has run 30 hours, and a claim whose 3-minute survey
        // clock breached a minute ago.
        var posted = await _app.PostEventsAsync(new object[]
        {
            Events.Opened("c-1", _now.AddHours(-30)),
            Events.Complaint("complaint.responded", "c-1", _now.AddHours(-30).AddMinutes(1), "A1"),
            CaseEvent("case.opened", "claim-1", _now.AddMinutes(-4), caseType: "claim"),
            CaseEvent("case.step", "claim-1", _now.AddMinutes(-4), step: "surveyDispatched"),
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reloaded_policy_applies_to_new_complaints_at_once_and_a_dry_run_shows_the_diff_and_changes_nothing()
    {
        var client = _app.CreateClient();
        var oldVersion = Clock(await client.GetFromJsonAsync<JsonElement>("/api/complaints/c-1"), "resolution").GetProperty("policyVersion").GetString();
        await ReloadAsync(("Sla:Clocks:resolution:Target", "1.00:00:00"), ("Sla:Clocks:surveyAcceptance:Target", "00:05:00"));

        // New complaints take the new version at once; running ones keep theirs.
        await _app.PostEventsAsync(new[] { Events.Opened("c-new", _now) });
        var fresh = Clock(await client.GetFromJsonAsync<JsonElement>("/api/complaints/c-new"), "resolution");
        Assert.Equal(_now.AddHours(24), fresh.GetProperty("dueAt").GetDateTimeOffset());
        Assert.NotEqual(oldVersion, fresh.GetProperty("policyVersion").GetString());
        var before = await StateAsync(client);
        Assert.Equal(_now.AddHours(18), Clock(JsonDocument.Parse(before[0]).RootElement, "resolution").GetProperty("dueAt").GetDateTimeOffset());

        var response = await client.PostAsync("/api/policies/recalculate?dryRun=true", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diff = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(diff.GetProperty("dryRun").GetBoolean());
        // The survey clock's due instant moves too (from a minute ago to a minute ahead).
        Assert.Equal((1, 1, 2), (diff.GetProperty("breachesAppear").GetInt32(), diff.GetProperty("breachesVanish").GetInt32(), diff.GetProperty("dueTimesMoved").GetInt32()));
        var complaint = Item(diff, "c-1");
        var resolution = complaint.GetProperty("clocks").EnumerateArray().Single();
        Assert.Equal((oldVersion, fresh.GetProperty("policyVersion").GetString()), (resolution.GetProperty("versionBefore").GetString(), resolution.GetProperty("versionAfter").GetString()));
        Assert.Equal(("resolution", "running", "breached"), (resolution.GetProperty("name").GetString(), resolution.GetProperty("stateBefore").GetString(), resolution.GetProperty("stateAfter").GetString()));
        Assert.Equal((_now.AddHours(18), _now.AddHours(-6)), (resolution.GetProperty("dueAtBefore").GetDateTimeOffset(), resolution.GetProperty("dueAtAfter").GetDateTimeOffset()));
        Assert.True(resolution.GetProperty("breachAppears").GetBoolean());
        var survey = Item(diff, "claim-1").GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "surveyAcceptance");
        Assert.True(survey.GetProperty("breachVanishes").GetBoolean());
        Assert.Equal(_now.AddMinutes(1), survey.GetProperty("dueAtAfter").GetDateTimeOffset());
        // The new complaint already runs under the configured version: nothing to recalculate.
        Assert.DoesNotContain(diff.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == "c-new");

        Assert.Equal(before, await StateAsync(client));
        Assert.Equal(diff.GetRawText(), (await (await client.PostAsync("/api/policies/recalculate?dryRun=true", null)).Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
    }

    [Fact]
    public async Task Applied_it_pushes_the_new_clocks_live_records_who_and_why_and_leaves_a_closed_quarter_alone()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(Quarters.QuarterEvents.Q3(), client)).StatusCode);
        var closed = await client.PostAsync("/api/quarters/2026Q3/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var snapshot = await client.GetStringAsync("/api/quarters/2026Q3/snapshot");
        await ReloadAsync(("Sla:Clocks:resolution:Target", "1.00:00:00"), ("Sla:Clocks:surveyAcceptance:Target", "00:05:00"));
        await using var floor = await _app.SubscribeAsync("floor");

        // Refused without a reason (nothing changes), and for anyone but a manager.
        var unexplained = await client.PostAsync("/api/policies/recalculate", null);
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Contains("\"field\":\"reason\"", await unexplained.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var supervisor = _app.CreateClient(TestTokens.Create(_app.SigningKey, "sup-1", ["supervisor"], teamIds: ["T1"]));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync("/api/policies/recalculate?reason=x", null)).StatusCode);
        Assert.Equal("running", Clock(await client.GetFromJsonAsync<JsonElement>("/api/complaints/c-1"), "resolution").GetProperty("state").GetString());

        var applied = await client.PostAsync("/api/policies/recalculate?reason=" + Uri.EscapeDataString("监管新规：处理时效24小时"), null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var answer = await applied.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("dryRun").GetBoolean());
        var newVersion = answer.GetProperty("policyVersions").GetProperty("complaints").GetString();
        var resolutionVersion = Item(answer, "c-1").GetProperty("clocks").EnumerateArray().Single().GetProperty("versionAfter").GetString();

        var breach = await floor.NextAsync("slaBreached", p => p.GetProperty("complaintId").GetString() == "c-1");
        Assert.Equal(("resolution", _now.AddHours(-6)), (breach.GetProperty("clock").GetString(), breach.GetProperty("breachedAt").GetDateTimeOffset()));
        Assert.True(breach.GetProperty("late").GetBoolean());
        var changed = await floor.NextAsync("complaintChanged", p => p.GetProperty("id").GetString() == "c-1");
        Assert.Equal(resolutionVersion, Clock(changed, "resolution").GetProperty("policyVersion").GetString());
        var claim = await floor.NextAsync("caseChanged", p => p.GetProperty("id").GetString() == "claim-1");
        Assert.Equal(("running", _now.AddMinutes(1)), (Clock(claim, "surveyAcceptance").GetProperty("state").GetString(), Clock(claim, "surveyAcceptance").GetProperty("dueAt").GetDateTimeOffset()));

        // Applied once: the next dry run finds nothing left, and the vanished breach comes back at its new due time.
        var again = await (await client.PostAsync("/api/policies/recalculate?dryRun=true", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("recalculated").GetInt32());
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        var survey = await floor.NextAsync("caseBreached", p => p.GetProperty("caseId").GetString() == "claim-1");
        Assert.Equal(_now.AddMinutes(1), survey.GetProperty("breachedAt").GetDateTimeOffset());

        var audit = await client.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = audit.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "policy-recalculate");
        Assert.Equal(("test-user", "监管新规：处理时效24小时"), (entry.GetProperty("user").GetString(), entry.GetProperty("reason").GetString()));
        Assert.Contains(newVersion!, entry.GetProperty("resource").GetString(), StringComparison.Ordinal);

        Assert.Equal(snapshot, await client.GetStringAsync("/api/quarters/2026Q3/snapshot"));
    }

    /// <summary>Changes configuration as an edited appsettings.json does: values, then a reload the options monitor follows.</summary>
    private async Task ReloadAsync(params (string Key, string Value)[] values)
    {
        var configuration = (IConfigurationRoot)_app.Services.GetRequiredService<IConfiguration>();
        var before = (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/policies")).GetProperty("complaints").GetProperty("version").GetString();
        foreach (var (key, value) in values) configuration[key] = value;
        configuration.Reload();
        var after = (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/policies")).GetProperty("complaints").GetProperty("version").GetString();
        Assert.NotEqual(before, after);
    }

    /// <summary>Every running complaint and case as the API shows it.</summary>
    private async Task<string[]> StateAsync(HttpClient client) =>
        [await client.GetStringAsync("/api/complaints/c-1"), await client.GetStringAsync("/api/cases/claim-1"), await client.GetStringAsync("/api/complaints/c-new")];

    private static JsonElement Item(JsonElement diff, string id) => diff.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static JsonElement Clock(JsonElement resource, string name) =>
        resource.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    private static Dictionary<string, object?> CaseEvent(string type, string caseId, DateTimeOffset at, string? caseType = null, string? step = null) => new()
    {
        ["id"] = Events.NewId(),
        ["type"] = type,
        ["occurredAt"] = at.ToString("O"),
        ["caseId"] = caseId,
        ["caseType"] = caseType,
        ["teamId"] = "T1",
        ["agentId"] = "A1",
        ["step"] = step,
        ["attributes"] = type == "case.opened" ? new Dictionary<string, object> { ["amount"] = 8000, ["injury"] = false } : null,
    };
}
