using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Realtime.Testing;

namespace Realtime.Server.Tests.Security;

/// <summary>Issue 23, part 4: ingest input that once was a 500, or a 202 lost later inside a grain, is now a 4xx that changes nothing.</summary>
public sealed class IngestHardeningTests : IAsyncLifetime
{
    private readonly RealtimeApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<List<(int Index, string Field, string Message)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }

    private async Task AssertNotStoredAsync(string complaintId) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/api/complaints/" + complaintId)).StatusCode);

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task A_body_that_is_not_application_json_is_415_and_not_applied(string? mediaType)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new[] { Events.Opened("ct-1", _app.Time.GetUtcNow()) });
        var content = new ByteArrayContent(body);
        if (mediaType is not null) content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        var response = await _app.CreateClient().PostAsync("/api/events", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNotStoredAsync("ct-1");
    }

    [Fact]
    public async Task Application_json_with_a_charset_is_accepted()
    {
        var content = new StringContent(JsonSerializer.Serialize(new[] { Events.Opened("ct-2", _app.Time.GetUtcNow()) }), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await _app.CreateClient().PostAsync("/api/events", content)).StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_in_any_field_is_400_naming_the_event_and_field()
    {
        var now = _app.Time.GetUtcNow().ToString("O");
        var prefix = Encoding.UTF8.GetBytes($$"""[{"id": "u-ok", "type": "complaint.opened", "occurredAt": "{{now}}", "complaintId": "u-0", "teamId": "T1"},""" +
            $$"""{"id": "u-bad", "type": "complaint.opened", "occurredAt": "{{now}}", "complaintId": "u-1", "teamId": "T1", "customerName": "张""");
        // 0xFF never occurs in UTF-8; 0xC3 opens a two-byte sequence that the quote then breaks.
        byte[] middle = [0xFF, 0xC3];
        var suffix = Encoding.UTF8.GetBytes("\", \"note\": {\"deep\": [\"x\u00e9\"]}}]");
        var response = await _app.CreateClient().PostAsync("/api/events", Json([.. prefix, .. middle, .. suffix]));
        var errors = await ErrorsAsync(response);
        Assert.Equal([(1, "customerName")], errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("UTF-8", errors[0].Message, StringComparison.Ordinal);
        await AssertNotStoredAsync("u-0");

        // An unknown field is checked too: invalid text anywhere in the body is refused, not stored.
        var unknown = Encoding.UTF8.GetBytes($$"""[{"id": "u-2", "type": "complaint.opened", "occurredAt": "{{now}}", "complaintId": "u-2", "teamId": "T1", "note": {"deep": ["x""");
        var unknownErrors = await ErrorsAsync(await _app.CreateClient().PostAsync("/api/events", Json([.. unknown, 0xED, 0xA0, 0x80, .. "\"]}}]"u8])));
        Assert.Equal([(0, "note")], unknownErrors.Select(e => (e.Index, e.Field)));
        await AssertNotStoredAsync("u-2");
    }

    [Fact]
    public async Task A_lone_surrogate_escape_is_400_naming_the_event_and_field_in_values_and_names()
    {
        var now = _app.Time.GetUtcNow().ToString("O");
        var body = $$"""
            [
              {"id": "s-1", "type": "complaint.paused", "occurredAt": "{{now}}", "complaintId": "ls-1", "reason": "wait \ud800 here"},
              {"id": "s-2", "type": "complaint.opened", "occurredAt": "{{now}}", "complaintId": "ls-2", "teamId": "T1", "x\udc00": 1},
              {"id": "s-3", "type": "complaint.opened", "occurredAt": "{{now}}", "complaintId": "ls-3", "teamId": "T1", "customerName": "ok \ud83d\ude00"}
            ]
            """;
        var errors = await ErrorsAsync(await _app.CreateClient().PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json")));
        Assert.Equal([(0, "reason"), (1, "")], errors.Select(e => (e.Index, e.Field)));
        Assert.All(errors, e => Assert.Contains("surrogate", e.Message, StringComparison.Ordinal));
        await AssertNotStoredAsync("ls-3");
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("2025-09-27T00:00:00+08:00")] // 401 days before the server clock (2026-11-02 09:00 +08:00)
    [InlineData("2026-11-02T09:05:01+08:00")] // 5 minutes and a second ahead
    public async Task An_instant_outside_the_window_is_400(string occurredAt)
    {
        var opened = Events.Opened("w-1", _app.Time.GetUtcNow());
        opened["occurredAt"] = occurredAt;
        var errors = await ErrorsAsync(await _app.PostEventsAsync(new[] { opened }));
        Assert.Equal([(0, "occurredAt")], errors.Select(e => (e.Index, e.Field)));
        Assert.Contains("server clock", errors[0].Message, StringComparison.Ordinal);
        await AssertNotStoredAsync("w-1");
    }

    [Fact]
    public async Task The_window_edges_are_accepted_and_visitedAt_is_held_to_the_window_too()
    {
        var now = _app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("w-old", now.AddDays(-400)), Events.Opened("w-new", now.AddMinutes(5)) })).StatusCode);
        var visit = new Dictionary<string, object?>
        {
            ["id"] = Events.NewId(),
            ["type"] = "followup.completed",
            ["occurredAt"] = now.ToString("O"),
            ["agentId"] = "A1",
            ["customerId"] = "C1",
            ["visitedAt"] = "9999-01-01T00:00:00Z",
        };
        Assert.Equal([(0, "visitedAt")], (await ErrorsAsync(await _app.PostEventsAsync(new[] { visit }))).Select(e => (e.Index, e.Field)));
    }

    [Fact]
    public async Task The_window_follows_Ingest_MaxEventAge_and_MaxClockSkew()
    {
        await using var app = new RealtimeApp(new() { ["Ingest:MaxEventAge"] = "10.00:00:00", ["Ingest:MaxClockSkew"] = "01:00:00" });
        var now = app.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.Accepted, (await app.PostEventsAsync(new[] { Events.Opened("m-1", now.AddMinutes(59)) })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.PostEventsAsync(new[] { Events.Opened("m-2", now.AddDays(-11)) })).StatusCode);
    }

    [Theory]
    [InlineData("0001Q1")]
    [InlineData("2026Q2")]
    public async Task A_rating_filed_in_a_quarter_far_from_its_event_is_400(string period)
    {
        var rated = Rating(_app.Time.GetUtcNow(), 80);
        rated["period"] = period;
        var response = await _app.PostEventsAsync(new[] { rated });
        if (period == "2026Q2")
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return;
        }
        Assert.Equal([(0, "period")], (await ErrorsAsync(response)).Select(e => (e.Index, e.Field)));
    }

    [Fact]
    public async Task A_rating_value_beyond_any_indicator_is_400()
    {
        var errors = await ErrorsAsync(await _app.PostEventsAsync(new[] { Rating(_app.Time.GetUtcNow(), 1e300) }));
        Assert.Equal([(0, "value")], errors.Select(e => (e.Index, e.Field)));
    }

    private static Dictionary<string, object?> Rating(DateTimeOffset at, double value) => new()
    {
        ["id"] = Events.NewId(),
        ["type"] = "agent.rated",
        ["occurredAt"] = at.ToString("O"),
        ["agentId"] = "A1",
        ["indicator"] = "knowledge_test",
        ["value"] = value,
    };

    [Theory]
    [InlineData("0001Q1", HttpStatusCode.BadRequest)]
    [InlineData("9999Q4", HttpStatusCode.BadRequest)]
    [InlineData("2020Q1", HttpStatusCode.NotFound)]
    [InlineData("2026Q2", HttpStatusCode.NotFound)]
    public async Task Closing_a_quarter_beyond_the_calendar_or_before_the_first_event_is_4xx_and_stores_nothing(string quarter, HttpStatusCode expected)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { Events.Opened("q-1", _app.Time.GetUtcNow().AddDays(-40)) })).StatusCode);
        var client = _app.CreateClient();
        var response = await client.PostAsync($"/api/quarters/{quarter}/close", null);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/quarters");
        Assert.DoesNotContain(listed.EnumerateArray(), q => q.GetProperty("status").GetString() == "closed");
        // The quarter of the event (2026Q3) is still closable.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/quarters/2026Q3/close", null)).StatusCode);
    }

    [Fact]
    public async Task An_id_reused_with_a_different_payload_is_reported_as_a_conflict_and_a_redelivery_is_not()
    {
        var now = _app.Time.GetUtcNow();
        var original = Events.Opened("c-1", now, team: "T1", id: "conflict-1");
        Assert.Equal(HttpStatusCode.Accepted, (await _app.PostEventsAsync(new[] { original })).StatusCode);

        var redelivered = await (await _app.PostEventsAsync(new[] { original })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, redelivered.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, redelivered.GetProperty("conflicts").GetArrayLength());

        var changed = Events.Opened("c-1", now, team: "T2", id: "conflict-1");
        var fresh = Events.Opened("c-2", now);
        var response = await _app.PostEventsAsync(new[] { fresh, changed });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal(1, answer.GetProperty("duplicates").GetInt32());
        var conflict = Assert.Single(answer.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(1, conflict.GetProperty("index").GetInt32());
        Assert.Equal("conflict-1", conflict.GetProperty("id").GetString());
        // The first event under the id stands.
        Assert.Equal("T1", (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/complaints/c-1")).GetProperty("teamId").GetString());
    }

    [Fact]
    public async Task An_id_repeated_within_one_batch_with_a_different_payload_is_a_conflict()
    {
        var now = _app.Time.GetUtcNow();
        var answer = await (await _app.PostEventsAsync(new[] { Events.Opened("c-3", now, id: "conflict-2"), Events.Opened("c-3", now, team: "T9", id: "conflict-2") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal("conflict-2", Assert.Single(answer.GetProperty("conflicts").EnumerateArray()).GetProperty("id").GetString());
    }
}
