using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Realtime.Server.Tests;

/// <summary>Complaint clocks end to end: HTTP in, grain clocks on a fake clock, pushes out over a real SignalR client.</summary>
public sealed class ComplaintClockTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Open_complaint_warns_the_agent_then_breaches_first_response_at_its_due_time()
    {
        var opened = _app.Time.GetUtcNow();
        await using var agent = await _app.SubscribeAsync("agent:A1");
        await using var floor = await _app.SubscribeAsync("floor");
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("c-1", opened) })).StatusCode);

        _app.Time.Advance(TimeSpan.FromSeconds(60));
        var warning = await agent.NextAsync("slaWarning");
        Assert.Equal("c-1", warning.GetProperty("complaintId").GetString());
        Assert.Equal("firstResponse", warning.GetProperty("clock").GetString());
        Assert.Equal(0.5, warning.GetProperty("fraction").GetDouble());
        Assert.Equal(opened.AddMinutes(2), warning.GetProperty("dueAt").GetDateTimeOffset());

        _app.Time.Advance(TimeSpan.FromSeconds(60));
        var breach = await floor.NextAsync("slaBreached", p => p.GetProperty("clock").GetString() == "firstResponse");
        Assert.Equal(opened.AddMinutes(2), breach.GetProperty("breachedAt").GetDateTimeOffset());
        Assert.Equal("T1", breach.GetProperty("teamId").GetString());
        Assert.False(breach.GetProperty("late").GetBoolean());

        var escalated = await floor.NextAsync("escalated");
        Assert.Equal(1, escalated.GetProperty("level").GetInt32());
        Assert.Equal("teamLead", escalated.GetProperty("role").GetString());

        var complaint = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints/c-1");
        var clock = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "firstResponse");
        Assert.Equal("breached", clock.GetProperty("state").GetString());
        Assert.Equal("PT2M", clock.GetProperty("target").GetString());
    }

    [Fact]
    public async Task Response_in_time_meets_the_clock_and_nothing_breaches()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await _app.PostEventsAsync(new[] { Events.Opened("c-2", opened) });
        _app.Time.Advance(TimeSpan.FromSeconds(100));
        await floor.NextAsync("slaWarning", p => p.GetProperty("fraction").GetDouble() == 0.75);
        await _app.PostEventsAsync(new[] { Events.Complaint("complaint.responded", "c-2", opened.AddSeconds(100), "A1") });
        var changed = await floor.NextAsync("complaintChanged", p => Clock(p, "firstResponse").GetProperty("state").GetString() == "met");
        Assert.Equal("PT1M40S", Clock(changed, "firstResponse").GetProperty("elapsed").GetString());

        _app.Time.Advance(TimeSpan.FromMinutes(5));
        var complaint = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints/c-2");
        Assert.Equal("met", Clock(complaint, "firstResponse").GetProperty("state").GetString());
        Assert.DoesNotContain(floor.Drain(), m => m.Method == "slaBreached");
    }

    [Fact]
    public async Task High_severity_breach_starts_at_the_deputy_director()
    {
        var opened = _app.Time.GetUtcNow();
        await using var floor = await _app.SubscribeAsync("floor");
        await _app.PostEventsAsync(new[] { Events.Opened("c-3", opened, severity: "high") });
        _app.Time.Advance(TimeSpan.FromMinutes(2));
        var escalated = await floor.NextAsync("escalated");
        Assert.Equal(2, escalated.GetProperty("level").GetInt32());
        Assert.Equal("deputyDirector", escalated.GetProperty("role").GetString());
        _app.Time.Advance(TimeSpan.FromHours(4));
        escalated = await floor.NextAsync("escalated");
        Assert.Equal("director", escalated.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Customer_name_and_phone_are_masked_in_answers()
    {
        await _app.PostEventsAsync(new[] { Events.Opened("c-4", _app.Time.GetUtcNow()) });
        var body = await _app.CreateClient().GetStringAsync("/api/complaints/c-4");
        Assert.DoesNotContain("张三丰", body);
        Assert.DoesNotContain("13812341234", body);
        Assert.Contains("138****1234", body);
        var list = await _app.CreateClient().GetStringAsync("/api/complaints?status=open");
        Assert.Contains("\"c-4\"", list);
        Assert.DoesNotContain("13812341234", list);
    }

    [Fact]
    public async Task Unknown_complaint_is_404_and_health_is_ready()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/complaints/nope")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private static JsonElement Clock(JsonElement complaint, string name) =>
        complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
